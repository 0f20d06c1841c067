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
/// and two dictionary entries per value was a measurable share of loading. An alias has its own position;
/// what is inside it keeps the anchor's positions.
/// </remarks>
public sealed class SourceMap
{
    private readonly YamlTreeNode? _root;

    /// <summary>A map with no positions: everything is located at the start of <paramref name="file"/>.</summary>
    public SourceMap(string file)
    {
        File = file;
    }

    internal SourceMap(string file, YamlTreeNode root)
        : this(file)
    {
        _root = root;
    }

    public string File { get; }

    /// <summary>
    /// The location of the value at <paramref name="pointer"/>, or of its nearest ancestor that exists
    /// (a missing field is reported where its parent object is).
    /// </summary>
    public SourceLocation Locate(string pointer)
    {
        var (value, _) = Walk(pointer);
        return value is { } position ? new SourceLocation(File, position.Line, position.Column) : SourceLocation.StartOf(File);
    }

    /// <summary>The location of the key of the mapping entry at <paramref name="pointer"/>, else of its value.</summary>
    public SourceLocation LocateKey(string pointer) =>
        Walk(pointer) is (_, { } key) ? new SourceLocation(File, key.Line, key.Column) : Locate(pointer);

    /// <summary>The deepest value the pointer reaches, and the key position when the whole pointer names a mapping entry.</summary>
    private ((int Line, int Column)? Value, (int Line, int Column)? Key) Walk(string pointer)
    {
        if (_root is null)
        {
            return (null, null);
        }

        var node = _root;
        (int Line, int Column) value = (_root.Line, _root.Column);
        (int Line, int Column)? key = null;
        var rest = pointer.AsSpan();
        while (rest.Length > 0)
        {
            // Every pointer we are given starts with '/'; anything else names nothing below the root.
            if (rest[0] != '/')
            {
                return (value, null);
            }

            rest = rest[1..];
            var end = rest.IndexOf('/');
            var segment = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[end..];
            var content = node is YamlAliasNode alias ? alias.Target : node;
            switch (content)
            {
                case YamlMappingNode mapping when Find(mapping, Unescape(segment)) is { } entry:
                    node = entry.Value;
                    value = (entry.Value.Line, entry.Value.Column);
                    key = (entry.KeyLine, entry.KeyColumn);
                    break;
                case YamlSequenceNode sequence when Index(segment) is { } index && index < sequence.Items.Count:
                    node = sequence.Items[index];
                    value = (node.Line, node.Column);
                    key = null;
                    break;
                default:
                    return (value, null);
            }
        }

        return (value, key);
    }

    private static YamlMapEntry? Find(YamlMappingNode mapping, string key)
    {
        foreach (var entry in mapping.Entries)
        {
            if (entry.Key == key)
            {
                return entry;
            }
        }

        return null;
    }

    private static string Unescape(ReadOnlySpan<char> segment) =>
        segment.Contains('~') ? segment.ToString().Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal) : segment.ToString();

    /// <summary>An array index as pointers write it: digits, no leading zero.</summary>
    private static int? Index(ReadOnlySpan<char> segment) =>
        segment.Length > 0 && segment.Length < 10 && segment.IndexOfAnyExceptInRange('0', '9') < 0 && (segment.Length == 1 || segment[0] != '0')
            ? int.Parse(segment, provider: System.Globalization.CultureInfo.InvariantCulture)
            : null;
}
