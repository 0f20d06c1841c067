using Reconciler.Core.Diagnostics;
using Reconciler.Core.Rendering;

namespace Reconciler.Core.Tests.Rendering;

/// <summary>
/// Workflow commands as the Actions runner parses them: <c>::error file=…,line=…,col=…::message</c>. Data
/// escapes %, CR and LF; property values also escape : and , (the runner's own rules).
/// </summary>
public sealed class GitHubAnnotationsTests
{
    [Fact]
    public void Annotations_PullRequestScenario_MatchesGoldenFile()
    {
        Golden.Match(GitHubAnnotations.Render(PullRequestScenario.Plan().Diagnostics), "annotations.txt");
    }

    [Fact]
    public void Annotation_Error_HasTheExactWorkflowCommandFormat()
    {
        var error = Diagnostic.Error("maximumcall-lines", "maximumcall 32 must divide evenly by the number of lines (3)", new SourceLocation("sample-repo/tasks/x.yaml", 22, 16), "/spec/maximumcall");

        Assert.Equal(
            "::error file=sample-repo/tasks/x.yaml,line=22,col=16::maximumcall 32 must divide evenly by the number of lines (3) (/spec/maximumcall)",
            GitHubAnnotations.Render(error));
    }

    [Fact]
    public void Annotation_Warning_UsesTheWarningCommand()
    {
        var warning = Diagnostic.Warning("field-omitted", "remark was applied before and is now omitted", new SourceLocation("tasks/a.yaml", 1, 1), "/spec/remark");

        Assert.Equal("::warning file=tasks/a.yaml,line=1,col=1::remark was applied before and is now omitted (/spec/remark)", GitHubAnnotations.Render(warning));
    }

    [Fact]
    public void Annotation_WithoutLocationOrPath_HasNoProperties()
    {
        Assert.Equal("::error::the manifest directory is empty", GitHubAnnotations.Render(Diagnostic.Error("source", "the manifest directory is empty")));
    }

    [Fact]
    public void Annotation_Message_EscapesPercentShowsLineBreaksAndKeepsColonAndComma()
    {
        // Line breaks and other controls are made visible (ControlText) before the runner's escapes apply: one diagnostic, one line.
        var error = Diagnostic.Error("yaml-syntax", "100% wrong:\nline two,\r\nline three: %0A \u001b[2J\u202e", new SourceLocation("a.yaml", 3, 7));

        Assert.Equal("::error file=a.yaml,line=3,col=7::100%25 wrong:\\nline two,\\r\\nline three: %250A \\x1B[2J\\u202E", GitHubAnnotations.Render(error));
    }

    [Fact]
    public void Annotation_FilePath_EscapesPercentColonCommaAndShowsLineBreaks()
    {
        var error = Diagnostic.Error("schema", "bad", new SourceLocation("tasks/a:b,c%d\ne.yaml", 2, 4));

        Assert.Equal("::error file=tasks/a%3Ab%2Cc%25d\\ne.yaml,line=2,col=4::bad", GitHubAnnotations.Render(error));
    }

    [Fact]
    public void Annotations_Several_OneCommandPerLineInTheOrderGiven()
    {
        var diagnostics = new[]
        {
            Diagnostic.Error("a", "first", new SourceLocation("a.yaml", 1, 2)),
            Diagnostic.Warning("b", "second", new SourceLocation("b.yaml", 3, 4)),
        };

        Assert.Equal("::error file=a.yaml,line=1,col=2::first\n::warning file=b.yaml,line=3,col=4::second\n", GitHubAnnotations.Render(diagnostics));
    }

    [Fact]
    public void Annotations_None_IsEmpty()
    {
        Assert.Equal("", GitHubAnnotations.Render([]));
    }

    [Theory]
    [InlineData("%", "%25")]
    [InlineData("\r", "%0D")]
    [InlineData("\n", "%0A")]
    [InlineData(":", ":")]
    [InlineData(",", ",")]
    public void EscapeData_FollowsTheRunnersRules(string value, string escaped)
    {
        Assert.Equal(escaped, GitHubAnnotations.EscapeData(value));
    }

    [Theory]
    [InlineData("%", "%25")]
    [InlineData("\r", "%0D")]
    [InlineData("\n", "%0A")]
    [InlineData(":", "%3A")]
    [InlineData(",", "%2C")]
    [InlineData("%3A", "%253A")]
    public void EscapeProperty_FollowsTheRunnersRules(string value, string escaped)
    {
        Assert.Equal(escaped, GitHubAnnotations.EscapeProperty(value));
    }
}
