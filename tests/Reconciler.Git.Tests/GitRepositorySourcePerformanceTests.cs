using System.Diagnostics;
using Xunit.Abstractions;

namespace Reconciler.Git.Tests;

/// <summary>
/// Figures for large repositories (folders of 100 manifests), printed to the test output
/// (<c>dotnet test --logger "console;verbosity=detailed"</c>). The bounds are loose on purpose: they
/// catch an accidental O(n²) or a checkout sneaking in, not a slow CI machine. The 10,000-file run is
/// opt-in because writing its working tree dominates (tens of seconds on a slow disk).
/// </summary>
public sealed class GitRepositorySourcePerformanceTests : IDisposable
{
    private const int FilesPerFolder = 100;
    private readonly GitSourceHarness _h = new();
    private readonly ITestOutputHelper _output;

    public GitRepositorySourcePerformanceTests(ITestOutputHelper output) => _output = output;

    public void Dispose() => _h.Dispose();

    [Trait("Category", "Slow")] // a thousand-file repository
    [Fact(Timeout = 120_000)]
    public Task ThousandFiles_ReadTreeAndChangedPaths_StayFast() => Measure(folders: 10);

    [PerformanceFact(Timeout = 300_000)]
    public Task TenThousandFiles_ReadTreeAndChangedPaths_StayFast() => Measure(folders: 100);

    private async Task Measure(int folders)
    {
        var total = folders * FilesPerFolder;
        var setup = Stopwatch.StartNew();
        for (var folder = 0; folder < folders; folder++)
        {
            for (var file = 0; file < FilesPerFolder; file++)
            {
                _h.Remote.Write(PathOf(folder, file), GitSourceHarness.Manifest($"t{folder:00}-{file:000}"));
            }
        }

        var before = _h.Remote.CommitAndPush($"{total} tasks");
        Report($"setup: write, commit and push {total:N0} files", setup.Elapsed);

        var source = _h.Source();
        var clone = Stopwatch.StartNew();
        var first = await source.FetchAsync(_h.Token);
        Report("first FetchAsync (bare clone + listing)", clone.Elapsed);
        Assert.Equal(total, first.Snapshot.Files.Count);

        var readTree = Median(() => Assert.Equal(total, source.ReadTree(before).Files.Count));
        Report($"ReadTree, {total:N0} files (median of 5)", readTree);

        var readAll = Stopwatch.StartNew();
        var bytes = first.Snapshot.Files.Sum(f => (long)f.Read().Length);
        Report($"Read() every blob ({bytes:N0} bytes)", readAll.Elapsed);

        for (var i = 0; i < 10; i++)
        {
            _h.Remote.Write(PathOf(i % folders, i), $"modified: {i}");
        }

        for (var i = 0; i < 5; i++)
        {
            _h.Remote.Delete(PathOf(i, 50)).Write($"tasks/new/task-{i}.yaml", $"new: {i}").Move(PathOf(i, 60), $"tasks/moved/task-{i}.yaml");
        }

        var after = _h.Remote.CommitAndPush("30 changes");
        var fetch = Stopwatch.StartNew();
        await source.FetchAsync(_h.Token);
        Report("incremental FetchAsync after 30 changes", fetch.Elapsed);

        IReadOnlyList<string> changed = [];
        var changedPaths = Median(() => changed = source.ChangedPaths(before, after));
        Report($"ChangedPaths, 30 changes in {total:N0} files (median of 5)", changedPaths);

        Assert.Equal(10 + 5 + 5 + (5 * 2), changed.Count);
        Assert.True(readTree < TimeSpan.FromSeconds(10), $"ReadTree took {readTree}");
        Assert.True(changedPaths < TimeSpan.FromSeconds(2), $"ChangedPaths took {changedPaths}");
    }

    private static string PathOf(int folder, int file) => $"tasks/team-{folder:00}/task-{file:000}.yaml";

    private static TimeSpan Median(Action action)
    {
        var times = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            times.Add(watch.Elapsed);
        }

        times.Sort();
        return times[2];
    }

    private void Report(string what, TimeSpan elapsed) => _output.WriteLine($"{what}: {elapsed.TotalMilliseconds:N0} ms");
}
