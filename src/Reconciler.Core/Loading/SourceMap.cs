using Reconciler.Core.Diagnostics;

namespace Reconciler.Core.Loading;

/// <summary>
/// Where each JSON value of a loaded document came from. Keys are JSON Pointers (RFC 6901) into the
/// document (<c>/spec/task_extras/line/0</c>); values are the 1-based line and column of the value in
/// the YAML text, and separately of its key when it is a mapping entry.
/// </summary>
public sealed class SourceMap
{
    private readonly Dictionary<string, (int Line, int Column)> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Line, int Column)> _keys = new(StringComparer.Ordinal);

    public SourceMap(string file)
    {
        File = file;
    }

    public string File { get; }

    internal void AddValue(string pointer, int line, int column) => _values.TryAdd(pointer, (line, column));

    internal void AddKey(string pointer, int line, int column) => _keys.TryAdd(pointer, (line, column));

    /// <summary>
    /// The location of the value at <paramref name="pointer"/>, or of its nearest ancestor that exists
    /// (a missing field is reported where its parent object is).
    /// </summary>
    public SourceLocation Locate(string pointer)
    {
        for (var current = pointer; ; current = Parent(current))
        {
            if (_values.TryGetValue(current, out var position))
            {
                return new SourceLocation(File, position.Line, position.Column);
            }

            if (current.Length == 0)
            {
                return SourceLocation.StartOf(File);
            }
        }
    }

    /// <summary>The location of the key of the mapping entry at <paramref name="pointer"/>, else of its value.</summary>
    public SourceLocation LocateKey(string pointer) =>
        _keys.TryGetValue(pointer, out var position)
            ? new SourceLocation(File, position.Line, position.Column)
            : Locate(pointer);

    private static string Parent(string pointer)
    {
        var slash = pointer.LastIndexOf('/');
        return slash <= 0 ? "" : pointer[..slash];
    }
}
