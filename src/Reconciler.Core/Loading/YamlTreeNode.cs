namespace Reconciler.Core.Loading;

/// <summary>
/// The loader's own small YAML tree, built from parser events. It exists so that aliases can be
/// shared rather than copied, and so that sizes and heights are known before anything is expanded.
/// </summary>
internal abstract class YamlTreeNode(int line, int column)
{
    public int Line { get; } = line;

    public int Column { get; } = column;

    /// <summary>Number of nodes this subtree stands for once aliases are expanded.</summary>
    public long Size { get; protected set; } = 1;

    /// <summary>Nesting height of collections in this subtree (a scalar is 0).</summary>
    public int Height { get; protected set; }
}

internal enum ScalarKind
{
    Null,
    Boolean,
    Number,
    String,
}

internal sealed class YamlScalarNode(int line, int column, ScalarKind kind, string text) : YamlTreeNode(line, column)
{
    public ScalarKind Kind { get; } = kind;

    /// <summary>For numbers, the JSON number text; for booleans <c>true</c>/<c>false</c>; for strings the value.</summary>
    public string Text { get; } = text;
}

/// <summary>A use of an anchored node (<c>*name</c>): the target is shared, the position is the alias's own.</summary>
internal sealed class YamlAliasNode : YamlTreeNode
{
    public YamlAliasNode(int line, int column, YamlTreeNode target)
        : base(line, column)
    {
        Target = target;
        Size = target.Size;
        Height = target.Height;
    }

    public YamlTreeNode Target { get; }
}

internal sealed class YamlSequenceNode(int line, int column) : YamlTreeNode(line, column)
{
    public List<YamlTreeNode> Items { get; } = [];

    public void Complete()
    {
        Size = 1 + Items.Sum(i => i.Size);
        Height = 1 + (Items.Count == 0 ? 0 : Items.Max(i => i.Height));
    }
}

internal sealed record YamlMapEntry(string Key, int KeyLine, int KeyColumn, YamlTreeNode Value);

internal sealed class YamlMappingNode(int line, int column) : YamlTreeNode(line, column)
{
    public List<YamlMapEntry> Entries { get; } = [];

    public void Complete()
    {
        Size = 1 + Entries.Sum(e => e.Value.Size);
        Height = 1 + (Entries.Count == 0 ? 0 : Entries.Max(e => e.Value.Height));
    }
}
