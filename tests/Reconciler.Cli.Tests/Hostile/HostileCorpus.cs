using Reconciler.Testing.Files;
using Xunit.Abstractions;

namespace Reconciler.Cli.Tests.Hostile;

/// <summary>
/// The hostile corpus: every case runs the real CLI on its own repository and asserts the exit code, that the
/// offending file is named, that the valid manifest beside it is still planned, that the process ended (a hang is
/// killed after <see cref="Support.ReconcilerProcess.Limit"/>) and that its peak memory stayed in budget.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal static class HostileCorpus
{
    public static IReadOnlyList<HostileCase> All { get; } = [.. FileSystemCases.All(), .. ContentCases.All(), .. ValueCases.All()];

    /// <summary>The names of the cases that need no privilege; those that do are their own theories, skipped where they cannot run.</summary>
    public static TheoryData<string> Names(Func<IEnumerable<HostileCase>> cases) => Names(cases, c => !c.NeedsRoot && !c.Unprivileged);

    public static TheoryData<string> Names(Func<IEnumerable<HostileCase>> cases, Func<HostileCase, bool> which)
    {
        var data = new TheoryData<string>();
        foreach (var item in cases().Where(which))
        {
            data.Add(item.Name);
        }

        return data;
    }

    public static async Task RunAsync(string name, ITestOutputHelper output)
    {
        var item = All.Single(c => c.Name == name);
        // Such cases are skipped by their theory's attribute (RootTheory, UnprivilegedTheory): reaching here is a test bug.
        if ((item.NeedsRoot && !SpecialFiles.IsRoot) || (item.Unprivileged && !HostileRunner.CanRunUnprivileged))
        {
            throw new InvalidOperationException($"'{name}' needs {(item.NeedsRoot ? "root" : "setpriv to drop root")}: its theory should have been skipped");
        }

        using var repo = new HostileRepo();
        item.Arrange(repo);
        if (item.Unprivileged)
        {
            repo.OpenUp();
        }

        var (result, peakKb) = await HostileRunner.RunAsync(repo, item);

        output.WriteLine($"exit {result.ExitCode}, peak {peakKb / 1024.0:0.0} MiB");
        Assert.True(result.ExitCode == item.ExitCode, $"expected exit {item.ExitCode}:\n{result}");
        Assert.True((result.Out + result.Error).Contains(item.Named, StringComparison.Ordinal), $"'{item.Named}' is not named:\n{result}");
        Assert.True(result.Out.Contains(item.ValidPlanned, StringComparison.Ordinal), $"the valid manifest beside it was not planned ('{item.ValidPlanned}'):\n{result}");
        // A .NET process cannot start in under 20 MB: a smaller peak means the sampler missed the run, which must fail too.
        Assert.True(peakKb is > 20 * 1024 and < HostileRunner.MemoryBudgetKb, $"peak resident memory {peakKb:N0} kB (budget {HostileRunner.MemoryBudgetKb:N0} kB)");
        item.Also?.Invoke(result);
    }
}
