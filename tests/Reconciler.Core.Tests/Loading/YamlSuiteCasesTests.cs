using System.Text;
using Reconciler.Core.Loading;
using Reconciler.Core.Manifests;

namespace Reconciler.Core.Tests.Loading;

/// <summary>
/// Where YamlDotNet reads YAML differently from YAML 1.2 and its test suite (github.com/yaml/yaml-test-suite), or words an
/// error in terms of its own state (issue 20). Expected values are the suite's <c>in.json</c>, not written by hand.
/// </summary>
public sealed class YamlSuiteCasesTests
{
    private static LoadResult Load(string yaml) => new YamlManifestLoader().Load(ManifestFile.FromText("tasks/a.yaml", yaml));

    private static string Json(string yaml)
    {
        var result = Load(yaml);
        Assert.Empty(result.Diagnostics);
        return Encoding.UTF8.GetString(Assert.Single(result.Documents).Json.Span);
    }

    [Theory]
    [InlineData("JEF9/00", "- |+\n\n\n", """["\n\n"]""")]
    [InlineData("JEF9/01", "- |+\n   \n", """["\n"]""")]
    [InlineData("JEF9/02", "- |+\n   ", """["\n"]""")]
    [InlineData("L24T/00", "foo: |\n  x\n   \n", """{"foo":"x\n \n"}""")]
    [InlineData("L24T/01", "foo: |\n  x\n   ", """{"foo":"x\n \n"}""")]
    public void Load_BlockScalarWithTrailingSpaceOnlyLines_IsReadAsTheSuiteSays(string suiteCase, string yaml, string json)
    {
        Assert.True(suiteCase.Length > 0);
        Assert.Equal(json.Replace("\n", "\\n", StringComparison.Ordinal), Json(yaml));
    }

    [Theory]
    [InlineData("remark: |\n  \n  x\n", """{"remark":"\nx\n"}""")] // a blank line indented like the text, as editors leave it
    [InlineData("remark: |-\n    \n    x\n", """{"remark":"\nx"}""")]
    [InlineData("remark: |\n    \nname: a\n", """{"remark":"","name":"a"}""")] // no content line: all lines are empty lines
    [InlineData("remark: | # note\n  \n  x\n", """{"remark":"\nx\n"}""")]
    [InlineData("remark: |\n  x", """{"remark":"x\n"}""")] // the end of input ends the last line
    [InlineData("remark: |-\n  x", """{"remark":"x"}""")]
    public void Load_LiteralBlockScalar_LeadingSpaceLinesAndEndOfInput_AreExact(string yaml, string json)
    {
        Assert.Equal(json.Replace("\n", "\\n", StringComparison.Ordinal), Json(yaml));
    }

    [Fact]
    public void Load_LeadingSpaceLineDeeperThanTheFirstContentLine_IsStillAnError()
    {
        // Suite case W9L4: an error in YAML 1.2, so it is not "repaired".
        var diagnostic = Assert.Single(Load("block scalar: |\n     \n  more spaces at the beginning\n  are invalid\n").Diagnostics);
        Assert.Equal("yaml-syntax", diagnostic.Code);
    }

    [Theory]
    [InlineData("a: ! 0\n", """{"a":"0"}""")]
    [InlineData("a: ! true\n", """{"a":"true"}""")]
    [InlineData("a: ! null\n", """{"a":"null"}""")]
    [InlineData("a: ! 1e400\n", """{"a":"1e400"}""")]
    public void Load_NonSpecificTag_ResolvesToAString(string yaml, string json)
    {
        Assert.Equal(json, Json(yaml));
    }

    [Fact]
    public void Load_AnchorOnAKey_CanBeUsedAsAValueAndAsAKey()
    {
        Assert.Equal("""{"k":1,"x":"k","k2":{"k":2}}""", Json("&a k: 1\nx: *a\nk2: {*a : 2}\n"));
    }

    [Theory]
    [InlineData("*a : 1\n", "alias '*a' refers to no anchor defined before it")]
    [InlineData("l: &a [1]\n*a : 1\n", "alias '*a' used as a mapping key refers to a list, a mapping or null; a key must be text")]
    [InlineData("? [a]\n: 1\n", "a list or a mapping cannot be a mapping key (JSON keys are text)")]
    public void Load_KeyThatCannotBeText_IsRefusedWithATrueMessage(string yaml, string message)
    {
        Assert.Equal(message, Assert.Single(Load(yaml).Diagnostics).Message);
    }

    [Theory]
    [InlineData("a: [1, 2\nb: 3\n", "list", '[', 1, 4)]
    [InlineData("a: {b: 1\nc: 2\n", "mapping", '{', 1, 4)]
    [InlineData("a: [\n", "list", '[', 1, 4)]
    [InlineData("a: {b: 1", "mapping", '{', 1, 4)]
    [InlineData("x: 1\ny:\n  - [a, {b: c]\n", "mapping", '{', 3, 9)]
    public void Load_UnclosedFlowCollection_IsWordedByUsWithWhereItOpened(string yaml, string kind, char open, int line, int column)
    {
        var diagnostic = Assert.Single(Load(yaml).Diagnostics);
        Assert.Equal("yaml-syntax", diagnostic.Code);
        Assert.StartsWith($"YAML syntax error: the flow {kind} opened with '{open}' at line {line}, column {column} is not closed", diagnostic.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("current state of the object", diagnostic.Message, StringComparison.Ordinal);
        Assert.True(diagnostic.Location!.Line >= line);
    }
}
