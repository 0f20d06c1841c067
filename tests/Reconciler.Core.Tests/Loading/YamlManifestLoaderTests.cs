using System.Text;
using Reconciler.Core.Loading;
using Reconciler.Core.Manifests;

namespace Reconciler.Core.Tests.Loading;

public sealed class YamlManifestLoaderTests
{
    private static LoadResult Load(string yaml, LoaderLimits? limits = null) =>
        new YamlManifestLoader(limits).Load(ManifestFile.FromText("tasks/a.yaml", yaml));

    private static string Json(string yaml) => Encoding.UTF8.GetString(Assert.Single(Load(yaml).Documents).Json.Span);

    [Fact]
    public void Load_IdBeyondDoublePrecision_KeepsExactDigits()
    {
        Assert.Equal("""{"a":215870475195883520,"b":"215870475195883520"}""", Json("a: 215870475195883520\nb: \"215870475195883520\"\n"));
    }

    [Fact]
    public void Load_HugeInteger_KeepsExactDigits()
    {
        Assert.Equal("""{"a":123456789012345678901234567890}""", Json("a: 123456789012345678901234567890"));
    }

    [Fact]
    public void Load_PlainScalars_AreTypedByYaml12CoreSchema()
    {
        var json = Json("t: 09:00\nb: true\nyes: yes\nn: ~\nq: '123'\nf: 1.50\nh: 0x1F\no: 0o17\np: +7\nz: 007\nc: 测试\n");
        Assert.Equal("""{"t":"09:00","b":true,"yes":"yes","n":null,"q":"123","f":1.50,"h":31,"o":15,"p":7,"z":7,"c":"测试"}""", json);
    }

    [Fact]
    public void Load_ExplicitStringTag_KeepsNumberAsText()
    {
        Assert.Equal("""{"a":"42"}""", Json("a: !!str 42"));
    }

    [Fact]
    public void Load_Infinity_IsRefusedWithPosition()
    {
        var diagnostic = Assert.Single(Load("a: 1\nb: .inf\n").Diagnostics);
        Assert.Equal("yaml-unsupported", diagnostic.Code);
        Assert.Equal((2, 4), (diagnostic.Location!.Line, diagnostic.Location.Column));
    }

    [Fact]
    public void Load_SourceMap_LocatesValuesAndKeys()
    {
        var document = Assert.Single(Load("spec:\n  task_extras:\n    line:\n      - id: x\n        limit: 2\n").Documents);
        Assert.Equal(5, document.Map.Locate("/spec/task_extras/line/0/limit").Line);
        Assert.Equal(16, document.Map.Locate("/spec/task_extras/line/0/limit").Column);
        Assert.Equal(9, document.Map.LocateKey("/spec/task_extras/line/0/limit").Column);
        Assert.Equal(4, document.Map.Locate("/spec/task_extras/line/0/missing").Line);
    }

    [Fact]
    public void Load_DuplicateKey_IsRefusedAtTheSecondKey()
    {
        var diagnostic = Assert.Single(Load("name: a\nmaximumcall: 1\nname: b\n").Diagnostics);
        Assert.Equal("yaml-duplicate-key", diagnostic.Code);
        Assert.Equal(3, diagnostic.Location!.Line);
        Assert.Contains("first defined at line 1", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MergeKey_ExplicitKeyOverridesMergedOne()
    {
        Assert.Equal("""{"base":{"a":1,"b":2},"task":{"b":3,"a":1}}""", Json("base: &b {a: 1, b: 2}\ntask:\n  <<: *b\n  b: 3\n"));
    }

    [Fact]
    public void Load_Alias_IsExpandedWithItsOwnPosition()
    {
        var document = Assert.Single(Load("x: &v [1, 2]\ny: *v\n").Documents);
        Assert.Equal("""{"x":[1,2],"y":[1,2]}""", Encoding.UTF8.GetString(document.Json.Span));
        Assert.Equal(2, document.Map.Locate("/y").Line);
    }

    [Fact]
    public void Load_BillionLaughs_IsRefusedQuickly()
    {
        var yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 10; i++)
        {
            yaml.Append($"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n");
        }

        var result = Load(yaml.ToString());
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("yaml-alias-limit", diagnostic.Code);
        Assert.Empty(result.Documents);
    }

    [Fact]
    public void Load_ExcessiveNesting_IsRefused()
    {
        var yaml = new string('[', 100) + new string(']', 100);
        Assert.Equal("yaml-depth-limit", Assert.Single(Load(yaml).Diagnostics).Code);
    }

    [Fact]
    public void Load_NestingThroughAliases_IsRefused()
    {
        var deep = string.Concat(Enumerable.Repeat("[", 40)) + "1" + string.Concat(Enumerable.Repeat("]", 40));
        var result = Load($"a: &d {deep}\nb: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[*d]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n");
        Assert.Equal("yaml-depth-limit", Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Load_RecursiveAlias_IsRefused()
    {
        var result = Load("a: &a [1, *a]\n");
        Assert.NotEmpty(result.Diagnostics);
        Assert.All(result.Diagnostics, d => Assert.True(d.IsError));
    }

    [Fact]
    public void Load_TabIndentation_PointsAtTheTab()
    {
        var diagnostic = Assert.Single(Load("spec:\n  name: a\n\tmaximumcall: 2\n").Diagnostics);
        Assert.Equal("yaml-syntax", diagnostic.Code);
        Assert.Equal((3, 1), (diagnostic.Location!.Line, diagnostic.Location.Column));
    }

    [Fact]
    public void Load_UnclosedFlowSequence_IsASyntaxErrorWithPosition()
    {
        var diagnostic = Assert.Single(Load("a: 1\nb: [1, 2\n").Diagnostics);
        Assert.Equal("yaml-syntax", diagnostic.Code);
        Assert.True(diagnostic.Location!.Line >= 2);
    }

    [Fact]
    public void Load_SyntaxErrorInSecondDocument_KeepsTheFirst()
    {
        var result = Load("a: 1\n---\nb: [\n");
        Assert.Single(result.Documents);
        Assert.Single(result.Diagnostics);
    }

    [Fact]
    public void Load_SeveralDocuments_EmptyOnesSkipped()
    {
        var result = Load("---\na: 1\n---\n# only a comment\n---\nb: 2\n");
        Assert.Equal(2, result.Documents.Count);
        Assert.Equal(6, result.Documents[1].Location.Line);
    }

    [Fact]
    public void Load_InvalidUtf8_IsRefusedWithLine()
    {
        var bytes = Encoding.UTF8.GetBytes("a: 1\nb: x").Concat(new byte[] { 0xC3, 0x28 }).ToArray();
        var result = new YamlManifestLoader().Load(ManifestFile.FromBytes("tasks/a.yaml", bytes));
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("file-encoding", diagnostic.Code);
        Assert.Equal(2, diagnostic.Location!.Line);
    }

    [Fact]
    public void Load_Utf16File_IsRefused()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("a: 1")).ToArray();
        Assert.Equal("file-encoding", Assert.Single(new YamlManifestLoader().Load(ManifestFile.FromBytes("a.yaml", bytes)).Diagnostics).Code);
    }

    [Fact]
    public void Load_Utf8Bom_IsAccepted()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("a: 1")).ToArray();
        Assert.Empty(new YamlManifestLoader().Load(ManifestFile.FromBytes("a.yaml", bytes)).Diagnostics);
    }

    [Fact]
    public void Load_FileOverSizeLimit_IsRefusedUnread()
    {
        var read = false;
        var file = new ManifestFile("big.yaml", null, 10_000_000, () =>
        {
            read = true;
            return Array.Empty<byte>();
        });
        Assert.Equal("file-too-large", Assert.Single(new YamlManifestLoader().Load(file).Diagnostics).Code);
        Assert.False(read);
    }

    [Fact]
    public void Load_ComplexKey_IsRefused()
    {
        Assert.Equal("yaml-unsupported", Assert.Single(Load("? [a, b]\n: 1\n").Diagnostics).Code);
    }
}
