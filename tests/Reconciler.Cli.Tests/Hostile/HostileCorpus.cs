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

    public static TheoryData<string> Names(Func<IEnumerable<HostileCase>> cases)
    {
        var data = new TheoryData<string>();
        foreach (var item in cases())
        {
            data.Add(item.Name);
        }

        return data;
    }

    public static async Task RunAsync(string name, ITestOutputHelper output)
    {
        var item = All.Single(c => c.Name == name);
        if ((item.NeedsRoot && !SpecialFiles.IsRoot) || (item.Unprivileged && !HostileRunner.CanRunUnprivileged))
        {
            output.WriteLine($"not run here: '{name}' needs {(item.NeedsRoot ? "root" : "setpriv to drop root")}");
            return;
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
