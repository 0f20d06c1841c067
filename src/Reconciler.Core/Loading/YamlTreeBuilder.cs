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
    private readonly Stack<FlowOpening> _openFlows = new();
    private long _nodes;

    /// <summary>The innermost flow collection (<c>[</c> or <c>{</c>) opened and not yet closed, for wording a syntax error.</summary>
    public FlowOpening? InnermostOpenFlow => _openFlows.Count > 0 ? _openFlows.Peek() : null;

    /// <summary>Reads the node that starts at the current event (the parser is positioned before it).</summary>
    public YamlTreeNode ReadDocumentRoot() => ReadNode(depth: 0);

    private YamlTreeNode ReadNode(int depth)
    {
        // AnchorAlias is not a NodeEvent in YamlDotNet, so take whatever event comes next.
        var current = parser.Current ?? throw new InvalidOperationException("expected a node");
        OpenFlow(current);
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

        CloseFlow(start.Style == SequenceStyle.Flow);
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
            var key = Key(keyEvent);
            parser.MoveNext();
            var value = ReadNode(depth);
            if (keyEvent is Scalar { Value: MergeKey, Style: ScalarStyle.Plain })
            {
                merges.Add(value);
                continue;
            }

            var entry = new YamlMapEntry(key, Line(keyEvent), Column(keyEvent), value);
            if (explicitKeys.TryGetValue(entry.Key, out var first))
            {
                throw new LoaderException("yaml-duplicate-key", $"duplicate key '{entry.Key}' (first defined at line {first.KeyLine})", entry.KeyLine, entry.KeyColumn);
            }

            explicitKeys.Add(entry.Key, entry);
            node.Entries.Add(entry);
        }

        ApplyMerges(node, explicitKeys, merges);
        CloseFlow(start.Style == MappingStyle.Flow);
        node.Complete();
        return End(node);
    }

    /// <summary>
    /// A mapping key as text: a scalar (its anchor, if any, is registered like any other: <c>&amp;a key: 1</c> then <c>*a</c>
    /// is the text <c>key</c>), or an alias of a scalar. A collection as a key has no JSON form and is refused.
    /// </summary>
    private string Key(ParsingEvent keyEvent)
    {
        switch (keyEvent)
        {
            case Scalar scalar:
                if (!scalar.Anchor.IsEmpty)
                {
                    Register(scalar.Anchor, Count(ScalarResolver.Resolve(scalar)));
                }

                return scalar.Value;
            case AnchorAlias alias when _anchors.TryGetValue(alias.Value.Value, out var target) && target is YamlScalarNode { Kind: not ScalarKind.Null } scalarTarget:
                return scalarTarget.Text;
            case AnchorAlias alias when !_anchors.ContainsKey(alias.Value.Value):
                throw new LoaderException("yaml-syntax", $"alias '*{alias.Value.Value}' refers to no anchor defined before it", Line(alias), Column(alias));
            case AnchorAlias alias:
                throw new LoaderException("yaml-unsupported", $"alias '*{alias.Value.Value}' used as a mapping key refers to a list, a mapping or null; a key must be text", Line(alias), Column(alias));
            default:
                throw new LoaderException("yaml-unsupported", "a list or a mapping cannot be a mapping key (JSON keys are text)", Line(keyEvent), Column(keyEvent));
        }
    }

    /// <summary>Noted before the parser moves past the opening, since the error may come from that very move.</summary>
    private void OpenFlow(ParsingEvent current)
    {
        var isSequence = current is SequenceStart { Style: SequenceStyle.Flow };
        if (isSequence || current is MappingStart { Style: MappingStyle.Flow })
        {
            _openFlows.Push(new FlowOpening(Line(current), Column(current), isSequence));
        }
    }

    private void CloseFlow(bool isFlow)
    {
        if (isFlow)
        {
            _openFlows.Pop();
        }
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
