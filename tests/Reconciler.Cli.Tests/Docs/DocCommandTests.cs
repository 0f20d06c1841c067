using Xunit.Abstractions;

namespace Reconciler.Cli.Tests.Docs;

/// <summary>
/// The shell commands of README.md, docs/*.md and sample-repo/README.md that need nothing beyond 127.0.0.1, run as a
/// reader would type them, in a temporary copy: each must exit 0 and print what the docs say it prints. Which commands
/// run, which are slow and which are skipped (with why) is <see cref="DocCommandRules"/>. Slow: eight CLI processes.
/// </summary>
[Trait("Category", "Slow")]
public sealed class DocCommandTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Commands_ThatNeedOnlyThisMachine_RunInACopyAndSucceed()
    {
        using var shell = new DocShell("sample-repo", "schemas");
        await RunAllAsync(shell, DocCommandAction.Run, TimeSpan.FromMinutes(3), output);
    }

    /// <summary>Runs, file by file in the order written, every documented command with <paramref name="action"/>.</summary>
    internal static async Task RunAllAsync(DocShell shell, DocCommandAction action, TimeSpan limit, ITestOutputHelper output)
    {
        var failures = new List<string>();
        var ran = 0;
        foreach (var file in DocFiles.WithCommands())
        {
            foreach (var command in DocCommand.In(DocFiles.Read(file), file))
            {
                if (DocCommandRules.For(command) is not { } rule || rule.Action != action)
                {
                    continue;
                }

                var (exitCode, text) = await shell.RunAsync(command, rule.Directory, limit);
                ran++;
                output.WriteLine($"{command.Where}: exit {exitCode}: {DocShell.AsRun(command.Text)}");
                if (exitCode != 0)
                {
                    failures.Add($"{command.Where}: `{command.Text}` exited {exitCode}:\n{text}");
                }
                else if (rule.Prints is { } expected && !text.Contains(expected, StringComparison.Ordinal))
                {
                    failures.Add($"{command.Where}: `{command.Text}` did not print \"{expected}\" as the docs say:\n{text}");
                }
            }
        }

        Assert.True(ran > 0, $"no documented command is marked {action}");
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }
}
