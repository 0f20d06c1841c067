namespace Reconciler.Core.Loading;

/// <summary>
/// Positions looked up in the full loader's YAML tree. An alias has its own position; what is inside it keeps
/// the anchor's positions.
/// </summary>
internal sealed class YamlTreePositions(YamlTreeNode root) : IPositionIndex
{
    public (int Line, int Column) Root => (root.Line, root.Column);

    public ((int Line, int Column) Value, (int Line, int Column)? Key) Walk(string pointer)
    {
        var node = root;
        (int Line, int Column) value = (root.Line, root.Column);
        (int Line, int Column)? key = null;
        var rest = pointer.AsSpan();
        while (rest.Length > 0)
        {
            // Every pointer we are given starts with '/'; anything else names nothing below the root.
            if (!PointerSegments.Next(ref rest, out var segment))
            {
                return (value, null);
            }

            var content = node is YamlAliasNode alias ? alias.Target : node;
            switch (content)
            {
                case YamlMappingNode mapping when Find(mapping, PointerSegments.Unescape(segment)) is { } entry:
                    node = entry.Value;
                    value = (entry.Value.Line, entry.Value.Column);
                    key = (entry.KeyLine, entry.KeyColumn);
                    break;
                case YamlSequenceNode sequence when PointerSegments.Index(segment) is { } index && index < sequence.Items.Count:
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
}
