using Reconciler.Cli.Tests.Support;

namespace Reconciler.Cli.Tests.Processes;

/// <summary>
/// The README's quick start and the commands it suggests after it, read from the README itself and run as written
/// (each <c>dotnet run --project src/Reconciler.Cli -- ARGS</c> line as a real <c>reconciler ARGS</c> process, in
/// order, in one fresh directory holding the sample repository): every one exits 0 and prints what its <c># →</c> line says.
/// </summary>
public sealed class ReadmeTrialProcessTests
{
    private const string Command = "dotnet run --project src/Reconciler.Cli -- ";
    private const string Expect = "# → ";

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Readme_QuickStartAndItsFollowUps_WorkAsWritten()
    {
        var steps = QuickStartSteps(File.ReadAllLines(RepositoryRoot.Combine("README.md")));
        using var directory = new TestDirectory();
        directory.CopyFromOutput("sample-repo");

        Assert.True(steps.Count >= 5, $"the quick start's commands: {steps.Count}");
        Assert.Equal(["apply", "sample-repo", "--simulator", "--auto-approve"], steps[0].Args);
        foreach (var (args, expected) in steps)
        {
            var result = await ReconcilerProcess.RunAsync(directory.Path, new Dictionary<string, string>(), [.. args]);

            Assert.True(result.ExitCode == 0, $"reconciler {string.Join(' ', args)}: {result}");
            Assert.All(expected, text => Assert.True(result.Out.Contains(text, StringComparison.Ordinal), $"reconciler {string.Join(' ', args)} should print {text}: {result}"));
        }

        Assert.False(File.Exists(directory.Combine(".reconciler", "state.db"))); // the trial never touched the real platform's state
    }

    /// <summary>The README's lines from "## Quick start" to the next section: each command with the texts its output must hold.</summary>
    private static List<(string[] Args, List<string> Expected)> QuickStartSteps(string[] readme)
    {
        var steps = new List<(string[] Args, List<string> Expected)>();
        foreach (var line in readme.SkipWhile(l => l != "## Quick start").Skip(1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal)))
        {
            if (line.StartsWith(Command, StringComparison.Ordinal))
            {
                steps.Add((line[Command.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries), []));
            }
            else if (line.StartsWith(Expect, StringComparison.Ordinal))
            {
                steps[^1].Expected.Add(line[Expect.Length..]);
            }
        }

        return steps;
    }
}
