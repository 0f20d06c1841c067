using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Reconciler.Core.Loading;

/// <summary>
/// Reads one YAML document from the parser's event stream into a <see cref="YamlTreeNode"/> tree,
/// enforcing the limits as it goes (so a bomb is stopped before it is expanded), refusing duplicate
/// keys, and resolving merge keys (<c>&lt;&lt;</c>) itself — YamlDotNet's merging parser cannot let a
/// key override a merged one.
/// </summary>
internal sealed class YamlTreeBuilder(IParser parser, LoaderLimits limits)
{
    private const string MergeKey = "<<";

    private readonly Dictionary<string, YamlTreeNode> _anchors = new(StringComparer.Ordinal);
    private readonly HashSet<YamlTreeNode> _incomplete = [];
    private long _nodes;

    /// <summary>Reads the node that starts at the current event (the parser is positioned before it).</summary>
    public YamlTreeNode ReadDocumentRoot() => ReadNode(depth: 0);

    private YamlTreeNode ReadNode(int depth)
    {
        // AnchorAlias is not a NodeEvent in YamlDotNet, so take whatever event comes next.
        var current = parser.Current ?? throw new InvalidOperationException("expected a node");
        parser.MoveNext();
        return current switch
        {
            AnchorAlias alias => ReadAlias(alias, depth),
            Scalar scalar => Register(scalar.Anchor, Count(ScalarResolver.Resolve(scalar))),
            SequenceStart start => ReadSequence(start, depth + 1),
            MappingStart start => ReadMapping(start, depth + 1),
            _ => throw new LoaderException("yaml-syntax", $"unexpected YAML event {current.GetType().Name}", Line(current), Column(current)),
        };
    }

    private YamlAliasNode ReadAlias(AnchorAlias alias, int depth)
    {
        var name = alias.Value.Value;
        if (!_anchors.TryGetValue(name, out var target))
        {
            throw new LoaderException("yaml-syntax", $"alias '*{name}' refers to no anchor defined before it", Line(alias), Column(alias));
        }

        if (_incomplete.Contains(target))
        {
            throw new LoaderException("yaml-alias-limit", $"alias '*{name}' refers to a node that contains it (recursive alias)", Line(alias), Column(alias));
        }

        if (depth + target.Height > limits.MaxDepth)
        {
            throw DepthExceeded(Line(alias), Column(alias));
        }

        _nodes += target.Size;
        CheckNodeCount(Line(alias), Column(alias));
        return new YamlAliasNode(Line(alias), Column(alias), target);
    }

    private YamlSequenceNode ReadSequence(SequenceStart start, int depth)
    {
        CheckDepth(depth, start);
        var node = Begin(start.Anchor, new YamlSequenceNode(Line(start), Column(start)));
        while (!parser.TryConsume<SequenceEnd>(out _))
        {
            node.Items.Add(ReadNode(depth));
        }

        node.Complete();
        return End(node);
    }

    private YamlMappingNode ReadMapping(MappingStart start, int depth)
    {
        CheckDepth(depth, start);
        var node = Begin(start.Anchor, new YamlMappingNode(Line(start), Column(start)));
        var explicitKeys = new Dictionary<string, YamlMapEntry>(StringComparer.Ordinal);
        var merges = new List<YamlTreeNode>();
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var keyEvent = parser.Current ?? throw new InvalidOperationException("expected a key");
            if (keyEvent is not Scalar keyScalar)
            {
                throw new LoaderException("yaml-unsupported", "mapping keys must be plain text (complex and alias keys are not supported)", Line(keyEvent), Column(keyEvent));
            }

            parser.MoveNext();
            var value = ReadNode(depth);
            if (keyScalar.Value == MergeKey && keyScalar.Style == ScalarStyle.Plain)
            {
                merges.Add(value);
                continue;
            }

            var entry = new YamlMapEntry(keyScalar.Value, Line(keyScalar), Column(keyScalar), value);
            if (explicitKeys.TryGetValue(entry.Key, out var first))
            {
                throw new LoaderException("yaml-duplicate-key", $"duplicate key '{entry.Key}' (first defined at line {first.KeyLine})", entry.KeyLine, entry.KeyColumn);
            }

            explicitKeys.Add(entry.Key, entry);
            node.Entries.Add(entry);
        }

        ApplyMerges(node, explicitKeys, merges);
        node.Complete();
        return End(node);
    }

    /// <summary>YAML merge keys: entries of the merged mappings are added unless the mapping sets them itself; earlier sources win.</summary>
    private static void ApplyMerges(YamlMappingNode node, Dictionary<string, YamlMapEntry> explicitKeys, List<YamlTreeNode> merges)
    {
        var sources = merges.SelectMany(m => Unalias(m) is YamlSequenceNode sequence ? sequence.Items : [m]);
        foreach (var source in sources)
        {
            if (Unalias(source) is not YamlMappingNode mapping)
            {
                throw new LoaderException("yaml-unsupported", "a merge key '<<' must refer to a mapping or a list of mappings", source.Line, source.Column);
            }

            foreach (var entry in mapping.Entries.Where(e => !explicitKeys.ContainsKey(e.Key)))
            {
                explicitKeys.Add(entry.Key, entry);
                node.Entries.Add(entry);
            }
        }
    }

    private static YamlTreeNode Unalias(YamlTreeNode node) => node is YamlAliasNode alias ? alias.Target : node;

    private T Begin<T>(AnchorName anchor, T node)
        where T : YamlTreeNode
    {
        Count(node);
        _incomplete.Add(node);
        return Register(anchor, node);
    }

    private T End<T>(T node)
        where T : YamlTreeNode
    {
        _incomplete.Remove(node);
        return node;
    }

    private T Register<T>(AnchorName anchor, T node)
        where T : YamlTreeNode
    {
        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = node;
        }

        return node;
    }

    private T Count<T>(T node)
        where T : YamlTreeNode
    {
        _nodes++;
        CheckNodeCount(node.Line, node.Column);
        return node;
    }

    private void CheckNodeCount(int line, int column)
    {
        if (_nodes > limits.MaxNodes)
        {
            throw new LoaderException(
                "yaml-alias-limit",
                $"document expands to more than {limits.MaxNodes:N0} values (too many aliases or values); refusing to load it",
                line,
                column);
        }
    }

    private void CheckDepth(int depth, ParsingEvent at)
    {
        if (depth > limits.MaxDepth)
        {
            throw DepthExceeded(Line(at), Column(at));
        }
    }

    private LoaderException DepthExceeded(int line, int column) =>
        new("yaml-depth-limit", $"nesting deeper than {limits.MaxDepth} levels; refusing to load it", line, column);

    private static int Line(ParsingEvent e) => (int)e.Start.Line;

    private static int Column(ParsingEvent e) => (int)e.Start.Column;
}
