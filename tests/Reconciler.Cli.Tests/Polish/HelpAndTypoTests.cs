using Reconciler.Cli.Tests.Support;
using Xunit;

namespace Reconciler.Cli.Tests.Polish;

/// <summary>Help that fits a screen, lowercase enum values, and typos answered with a hint instead of the whole help.</summary>
public sealed class HelpAndTypoTests
{
    [Fact]
    public async Task Help_Root_IsOneLinePerCommand()
    {
        var result = await Run("--help");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.TrimEnd().Split('\n');
        Assert.InRange(lines.Length, 10, 22);
        foreach (var command in ReconcilerCli.Summaries)
        {
            Assert.Single(lines, l => l.TrimStart().StartsWith(command.Key + " ", StringComparison.Ordinal) && l.TrimEnd().EndsWith(command.Value, StringComparison.Ordinal));
        }

        Assert.DoesNotContain("Examples:", result.Out, StringComparison.Ordinal);
        Assert.Equal(result.Out, (await Run()).Out); // bare `reconciler` shows the same
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("plan")]
    [InlineData("apply")]
    public async Task Help_Command_HasItsExamplesAndNoDefaultGluedToThem(string command)
    {
        var result = await Run(command, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Examples:", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("[default: .]", result.Out, StringComparison.Ordinal);
        Assert.All(result.Out.Split('\n').Where(l => l.TrimStart().StartsWith($"reconciler {command}", StringComparison.Ordinal)), l => Assert.DoesNotContain("[default", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Help_EnumValues_AreLowercaseInHelpAndErrors()
    {
        var help = await Run("plan", "--help");
        var wrong = await Run("plan", "--format", "yaml");
        var upper = await Run("status", "--format", "JSON", "--server", "http://127.0.0.1:9");

        Assert.Contains("--format <text|json|markdown|github>", help.Out, StringComparison.Ordinal);
        Assert.Equal(1, wrong.ExitCode);
        Assert.Contains("'yaml' is not a value of --format: use text, json, markdown, github", wrong.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("GitHub", wrong.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("not a value", upper.Error, StringComparison.Ordinal); // any letter case is accepted
    }

    [Theory]
    [InlineData(new[] { "vaildate", "." }, "unknown command 'vaildate'. Did you mean 'validate'?", "See 'reconciler --help'.")]
    [InlineData(new[] { "plan", "--fromat", "json" }, "unknown option '--fromat'. Did you mean '--format'?", "See 'reconciler plan --help'.")]
    [InlineData(new[] { "aply" }, "unknown command 'aply'. Did you mean 'apply'?", "See 'reconciler --help'.")]
    public async Task Typo_GetsAShortHintAndAPointerToHelp_NotTheWholeHelp(string[] args, string hint, string pointer)
    {
        var result = await Run(args);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(hint, result.Error, StringComparison.Ordinal);
        Assert.EndsWith(pointer, result.Error.TrimEnd(), StringComparison.Ordinal);
        Assert.InRange(result.Error.TrimEnd().Split('\n').Length, 2, 4);
        Assert.DoesNotContain("Usage", result.Out + result.Error, StringComparison.Ordinal);
    }

    private static Task<CliResult> Run(params string[] args) => InProcessCli.RunAsync(Path.GetTempPath(), null, args);
}
