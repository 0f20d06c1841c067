namespace Reconciler.Git.Tests;

/// <summary>CSV files come from the same commit tree as the manifests, with their blob ids, so a set and its items are one revision.</summary>
public sealed class GitTreeDataFileTests : IDisposable
{
    private readonly GitSourceHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact(Timeout = 60_000)]
    public async Task Fetch_CsvFiles_AreListedWithContentIdsAndHiddenOnesSkipped()
    {
        var commit = _h.Push("set", ("tasks/east.yaml", "a: 1"), ("tasks/east.csv", "task_id\nt-1\n"), ("data/all.csv", "task_id\n"), (".github/x.csv", "no"));
        var source = _h.Source();

        var snapshot = (await source.FetchAsync(_h.Token)).Snapshot;

        Assert.Equal(commit, snapshot.Revision);
        Assert.Equal(["data/all.csv", "tasks/east.csv"], snapshot.DataFiles.Select(f => f.Path));
        Assert.All(snapshot.DataFiles, f => Assert.Matches("^[0-9a-f]{40}$", f.ContentId!));
        Assert.Equal("task_id\nt-1\n", System.Text.Encoding.UTF8.GetString(snapshot.DataFiles[1].Read().Span));
    }

    [Fact(Timeout = 60_000)]
    public async Task ReadTree_OlderCommit_HasThatCommitsCsv()
    {
        var first = _h.Push("one", ("tasks/east.yaml", "a: 1"), ("tasks/east.csv", "task_id\nold\n"));
        _h.Push("two", ("tasks/east.csv", "task_id\nnew\n"));
        var source = _h.Source();
        await source.FetchAsync(_h.Token);

        var older = source.ReadTree(first);

        Assert.Equal("task_id\nold\n", System.Text.Encoding.UTF8.GetString(older.DataFiles.Single().Read().Span));
    }

    [Fact(Timeout = 60_000)]
    public async Task ChangedPaths_ACsvOnlyChange_IsCounted()
    {
        var first = _h.Push("one", ("tasks/east.yaml", "a: 1"), ("tasks/east.csv", "task_id\nold\n"));
        var second = _h.Push("two", ("tasks/east.csv", "task_id\nnew\n"));
        var source = _h.Source();
        await source.FetchAsync(_h.Token);

        Assert.Equal(["tasks/east.csv"], source.ChangedPaths(first, second));
    }
}
