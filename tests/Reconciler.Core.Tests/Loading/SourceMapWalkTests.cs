using Reconciler.Core.Loading;
using Xunit;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Reconciler.Core.Tests.Loading;

/// <summary>
/// The source map looks positions up in the YAML tree when asked. Checked against the straightforward way
/// (a position recorded under every pointer while walking the tree, nearest ancestor for a missing one) on
/// every value and key of the sample repository and of a document full of aliases, merges and odd keys.
/// </summary>
public sealed class SourceMapWalkTests
{
    private const string Odd = """
        base: &base {a: 1, "x/y": 2, "t~n": [1, {deep: 3}]}
        list: &list
          - one
          - {two: 2}
        copy: *base
        merged:
          <<: *base
          a: 9
        again: *list
        "": empty key
        "0": zero key
        nested: [[1, 2], [3, [4, *base]]]
        """;

    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string> { Odd };
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "testdata", "sample-repo"), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(File.ReadAllText(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Locate_EveryPointer_IsWhereTheEagerMapPutIt(string yaml)
    {
        var root = Root(yaml);
        var (values, keys) = EagerMap(root);
        var map = new SourceMap("f.yaml", root);
        var probes = values.Keys.SelectMany(p => new[] { p, p + "/missing", p + "/01", p + "/99", p + "/" }).Append("").Append("/nope/deeper");

        foreach (var pointer in probes)
        {
            Assert.Equal(EagerLocate(values, pointer), (map.Locate(pointer).Line, map.Locate(pointer).Column));
            var expectedKey = keys.TryGetValue(pointer, out var key) ? key : EagerLocate(values, pointer);
            Assert.Equal(expectedKey, (map.LocateKey(pointer).Line, map.LocateKey(pointer).Column));
        }
    }

    private static YamlTreeNode Root(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        parser.Consume<StreamStart>();
        parser.Consume<DocumentStart>();
        return new YamlTreeBuilder(parser, LoaderLimits.Default).ReadDocumentRoot();
    }

    /// <summary>What the loader used to record: every value's position under its pointer (first one wins), and every entry's key.</summary>
    private static (Dictionary<string, (int, int)> Values, Dictionary<string, (int, int)> Keys) EagerMap(YamlTreeNode root)
    {
        var values = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        var keys = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        void Visit(YamlTreeNode node, string pointer, int line, int column)
        {
            values.TryAdd(pointer, (line, column));
            switch (node is YamlAliasNode alias ? alias.Target : node)
            {
                case YamlSequenceNode sequence:
                    for (var i = 0; i < sequence.Items.Count; i++)
                    {
                        Visit(sequence.Items[i], JsonPointers.Append(pointer, i), sequence.Items[i].Line, sequence.Items[i].Column);
                    }

                    break;
                case YamlMappingNode mapping:
                    foreach (var entry in mapping.Entries)
                    {
                        var child = JsonPointers.Append(pointer, entry.Key);
                        keys.TryAdd(child, (entry.KeyLine, entry.KeyColumn));
                        Visit(entry.Value, child, entry.Value.Line, entry.Value.Column);
                    }

                    break;
            }
        }

        Visit(root, "", root.Line, root.Column);
        return (values, keys);
    }

    private static (int, int) EagerLocate(Dictionary<string, (int, int)> values, string pointer)
    {
        for (var current = pointer; ; current = current[..Math.Max(0, current.LastIndexOf('/'))])
        {
            if (values.TryGetValue(current, out var position))
            {
                return position;
            }

            if (current.Length == 0)
            {
                return (1, 1);
            }
        }
    }
}
