using System.Text.Json;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Planning;
using Reconciler.Core.Rendering;
using Reconciler.Core.Text;

namespace Reconciler.Core.Tests.Rendering;

/// <summary>Control and bidi characters from manifests never reach a terminal, a log or a comment raw, in any format.</summary>
public sealed class ControlTextTests
{
    // ESC (clear screen), BEL, CR (overwrite the line), a right-to-left override and a C1 CSI, in YAML escapes.
    private const string HostileName = "\"name\\e[2J\\a\\rX\\u202Edcba\\x9b1m 名\"";
    private const string RawName = "name\u001b[2J\u0007\rX\u202Edcba\u009b1m 名";

    [Theory]
    [InlineData("a\u001bb", "a\\x1Bb")]
    [InlineData("bell\u0007", "bell\\x07")]
    [InlineData("one\ntwo\r\tthree", "one\\ntwo\\r\\tthree")]
    [InlineData("del\u007f c1\u0085\u009b", "del\\x7F c1\\x85\\x9B")]
    [InlineData("\u202eevil\u2066\u200f\u061c\u2028", "\\u202Eevil\\u2066\\u200F\\u061C\\u2028")]
    [InlineData("测试任务-222 ✓", "测试任务-222 ✓")]
    public void Escape_MakesControlsVisibleAndKeepsTheRest(string text, string expected)
    {
        Assert.Equal(expected, ControlText.Escape(text));
        Assert.Equal(expected, ControlText.Escape(ControlText.Escape(text)));
    }

    [Fact]
    public void Text_HostileTaskName_HasNoRawControlCharacter()
    {
        var output = new TextPlanRenderer().Render(Plan());

        AssertNoRawControls(output);
        Assert.Contains("name\\x1B[2J\\x07\\rX\\u202Edcba\\x9B1m 名", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_WithColour_HasOnlyItsOwnEscapeSequences()
    {
        var output = new TextPlanRenderer(color: true).Render(Plan());

        Assert.DoesNotContain("\u001b[2J", output, StringComparison.Ordinal);
        AssertNoRawControls(output.Replace("\u001b[", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Markdown_HostileTaskName_HasNoRawControlCharacter()
    {
        var output = new MarkdownPlanRenderer(MarkdownOptions.PullRequestComment).Render(Plan());

        AssertNoRawControls(output);
        Assert.Contains("\\u202E", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_HostileTaskName_IsEscapedAndRoundTripsExactly()
    {
        var output = new JsonPlanRenderer().Render(Plan());

        AssertNoRawControls(output);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(RawName, json.RootElement.GetProperty("entries")[0].GetProperty("name").GetString());
    }

    [Fact]
    public void Annotations_HostileFileNameAndValue_StayOneLineEach()
    {
        var diagnostic = Diagnostic.Error("schema", "value 'a\u001b[2J\rb' is wrong", new SourceLocation("tasks/x\ny\u202e.yaml", 1, 1), "/spec/x\u0007");

        var output = GitHubAnnotations.Render([diagnostic]);

        AssertNoRawControls(output);
        Assert.Single(output.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void DiagnosticLine_NewlineInFileName_StaysOneLine()
    {
        var line = Diagnostic.Error("file-not-regular", "file 'a\nb.yaml': it is a FIFO", new SourceLocation("a\nb.yaml", 1, 1), "/x\u001b").ToString();

        Assert.Equal("a\\nb.yaml:1:1: error: file 'a\\nb.yaml': it is a FIFO (/x\\x1B)", line);
    }

    private static Plan Plan()
    {
        var desired = TestManifests.Desired(("tasks/a\u001b]0;title\u0007.yaml", TestManifests.V2(name: HostileName, spec: "\n  remark: \"r\\e[31m\"")));
        return Planner.Plan(desired, new Dictionary<Manifests.TaskIdentity, State.AppliedRecord>());
    }

    private static void AssertNoRawControls(string output)
    {
        var bad = output.Where(c => (c < ' ' && c != '\n') || c is >= '\u007f' and <= '\u009f' || c is '\u202e' or '\u2066' or '\u200f' or '\u061c').ToList();
        Assert.True(bad.Count == 0, $"raw control characters {string.Join(", ", bad.Select(c => $"U+{(int)c:X4}"))} in:\n{output}");
    }
}
