namespace Reconciler.Core.Loading;

/// <summary>Where the values of one loaded document are in its YAML text, looked up by JSON Pointer.</summary>
internal interface IPositionIndex
{
    /// <summary>The root's position (where the document's content starts).</summary>
    (int Line, int Column) Root { get; }

    /// <summary>
    /// The deepest value the pointer reaches, and the key position when the whole pointer names a mapping
    /// entry. Segments are walked as written (a pointer that does not start with '/' reaches only the root).
    /// </summary>
    ((int Line, int Column) Value, (int Line, int Column)? Key) Walk(string pointer);
}
