using Reconciler.Core.Diagnostics;

namespace Reconciler.Core.Loading;

/// <summary>
/// Where each JSON value of a loaded document came from. Keys are JSON Pointers (RFC 6901) into the
/// document (<c>/spec/task_extras/line/0</c>); values are the 1-based line and column of the value in
/// the YAML text, and separately of its key when it is a mapping entry.
/// </summary>
/// <remarks>
/// Positions are looked up in the loader's YAML tree when asked for, by walking the pointer, rather than
/// recorded for every value up front: a valid manifest asks for one or two, and building a pointer string
/// and two dictionary entries per value was a measurable share of loading. The full loader's positions are
/// in its YAML tree (<see cref="YamlTreePositions"/>), the fast loader's in a flat table
/// (the fast loader's PositionTable).
/// </remarks>
public sealed class SourceMap
{
    private readonly IPositionIndex? _positions;
    private readonly ISourceLocator? _locator;

    /// <summary>A map with no positions: everything is located at the start of <paramref name="file"/>.</summary>
    public SourceMap(string file)
    {
        File = file;
    }

    internal SourceMap(string file, YamlTreeNode root)
        : this(file, new YamlTreePositions(root))
    {
    }

    internal SourceMap(string file, IPositionIndex positions)
        : this(file)
    {
        _positions = positions;
    }

    /// <summary>A map whose locations come from <paramref name="locator"/> (a task expanded from a set: see TaskSets).</summary>
    internal SourceMap(string file, ISourceLocator locator)
        : this(file)
    {
        _locator = locator;
    }

    public string File { get; }

    /// <summary>
    /// The location of the value at <paramref name="pointer"/>, or of its nearest ancestor that exists
    /// (a missing field is reported where its parent object is).
    /// </summary>
    public SourceLocation Locate(string pointer)
    {
        if (_locator is not null)
        {
            return _locator.Locate(pointer);
        }

        if (_positions is null)
        {
            return SourceLocation.StartOf(File);
        }

        var (value, _) = _positions.Walk(pointer);
        return new SourceLocation(File, value.Line, value.Column);
    }

    /// <summary>The location of the key of the mapping entry at <paramref name="pointer"/>, else of its value.</summary>
    public SourceLocation LocateKey(string pointer) =>
        _locator?.LocateKey(pointer)
        ?? (_positions?.Walk(pointer) is (_, { } key) ? new SourceLocation(File, key.Line, key.Column) : Locate(pointer));
}
