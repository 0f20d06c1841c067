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
        // Every command the CLI has (not only those with a summary) gets its one non-empty line.
        var commands = ReconcilerCli.Build(CliConsole.FromProcess()).Subcommands.Select(c => c.Name).ToList();
        Assert.Equal(commands.Order(StringComparer.Ordinal), ReconcilerCli.Summaries.Keys.Order(StringComparer.Ordinal));
        foreach (var command in commands)
        {
            var summary = ReconcilerCli.Summaries[command];
            Assert.Single(lines, l => l.TrimStart().StartsWith(command + " ", StringComparison.Ordinal) && l.TrimEnd().EndsWith(summary, StringComparison.Ordinal));
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

    [Fact]
    public async Task Typo_OfACommandWithItsArguments_IsOneError()
    {
        var result = await Run("vaildate", ".", "sample");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            ["reconciler: error: unknown command 'vaildate'. Did you mean 'validate'?", "See 'reconciler --help'."],
            result.Error.TrimEnd().Split('\n').Select(l => l.TrimEnd()));
    }

    [Fact]
    public void BooleanFlags_OnEveryCommand_TakeNoValueOrTrueOrFalse()
    {
        var root = ReconcilerCli.Build(CliConsole.FromProcess());
        var switches = Commands(root, []).SelectMany(c => c.Command.Options
            .Where(o => o.ValueType == typeof(bool) || o.ValueType == typeof(bool?))
            .Select(o => (c.Path, Option: o))).ToList();

        Assert.Contains(switches, s => s.Option.Name == "--self-heal" && s.Path.SequenceEqual(["run"]));
        Assert.Contains(switches, s => s.Option.Name == "--rebind-state" && s.Path.SequenceEqual(["apply"]));
        Assert.All(switches, s =>
        {
            foreach (var (args, expected) in new (string[] Args, bool Expected)[] { ([s.Option.Name], true), ([s.Option.Name + "=false"], false), ([s.Option.Name, "false"], false), ([s.Option.Name, "true"], true) })
            {
                var parse = root.Parse([.. s.Path, .. args]);
                var said = string.Join("; ", parse.Errors.Select(e => e.Message));
                // Other checks may still object (a required option of that command, a flag that needs another): not to the value.
                Assert.False(said.Contains("Required argument missing", StringComparison.Ordinal) || said.Contains("'false'", StringComparison.Ordinal) || said.Contains("'true'", StringComparison.Ordinal), $"{string.Join(' ', s.Path)} {string.Join(' ', args)}: {said}");
                Assert.Equal(expected, parse.GetResult(s.Option)?.GetValueOrDefault<object>() is true);
            }
        });
    }

    [Fact]
    public async Task BooleanFlag_OfRun_AloneMeansTrueAndAWrongValueSaysSo()
    {
        var alone = await Run("run", "--self-heal", "--repo", "/nonexistent/tasks.git");
        var wrong = await Run("run", "--self-heal=maybe", "--repo", "/nonexistent/tasks.git");

        Assert.DoesNotContain("Required argument missing", alone.Error, StringComparison.Ordinal);
        Assert.Contains("no API token is configured", alone.Error, StringComparison.Ordinal); // parsed: it went on to its checks
        Assert.Equal(
            ["reconciler: error: 'maybe' is not a value of --self-heal: use true or false (--self-heal alone means true).", "See 'reconciler run --help'."],
            wrong.Error.TrimEnd().Split('\n').Select(l => l.TrimEnd()));
    }

    [Theory]
    [InlineData(new[] { "status", "--listen", "127.0.0.1:0" }, "reconciler: error: unknown option '--listen'. '--listen' is an option of 'reconciler run'.", "See 'reconciler status --help'.")]
    [InlineData(new[] { "state", "list", "--listen=127.0.0.1:0" }, "reconciler: error: unknown option '--listen'. '--listen' is an option of 'reconciler run'.", "See 'reconciler state list --help'.")]
    [InlineData(new[] { "plan", "sample-repo", "--auto-approve" }, "reconciler: error: unknown option '--auto-approve'. '--auto-approve' is an option of 'reconciler apply' and 'reconciler rollback'.", "See 'reconciler plan --help'.")]
    public async Task UnknownOption_ThatAnotherCommandHas_NamesThatCommandAndNeverSuggestsItself(string[] args, string error, string pointer)
    {
        var result = await Run(args);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal([error, pointer], result.Error.TrimEnd().Split('\n').Select(l => l.TrimEnd()));
    }

    private static IEnumerable<(System.CommandLine.Command Command, string[] Path)> Commands(System.CommandLine.Command command, string[] path) =>
        command.Subcommands.SelectMany(c => Commands(c, [.. path, c.Name])).Prepend((command, path));

    private static Task<CliResult> Run(params string[] args) => InProcessCli.RunAsync(Path.GetTempPath(), null, args);
}
