using Reconciler.Testing.Git;

namespace Reconciler.Git.Tests;

/// <summary>The network transports, against real servers on 127.0.0.1 (skipped without the git CLI).</summary>
public sealed class GitTransportTests : IDisposable
{
    private readonly GitSourceHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Trait("Category", "Slow")] // a git daemon process
    [GitCliFact(Timeout = 60_000)]
    public async Task Fetch_OverGitDaemon_ClonesThenFollowsNewCommitsAndForcePushes()
    {
        var first = _h.Push("one", ("tasks/a.yaml", "a: 1"));
        await using var daemon = await GitDaemonServer.StartAsync(_h.Remote.ServeRoot);
        var source = _h.Source(url: daemon.UrlFor(_h.Remote.RepositoryName));

        Assert.Equal(first, (await source.FetchAsync(_h.Token)).CommitId);
        var second = _h.Push("two", ("tasks/b.yaml", "b: 1"));
        Assert.Equal(second, (await source.FetchAsync(_h.Token)).CommitId);

        _h.Remote.ResetHard(first);
        _h.Remote.Write("tasks/c.yaml", "c: 1");
        var rewritten = _h.Remote.Commit("rewritten");
        _h.Remote.ForcePush();
        var result = await source.FetchAsync(_h.Token);

        Assert.Equal(rewritten, result.CommitId);
        Assert.Equal(["tasks/a.yaml", "tasks/c.yaml"], result.Snapshot.Files.Select(f => f.Path));
    }

    [Trait("Category", "Slow")] // git http-backend processes
    [GitCliFact(Timeout = 60_000)]
    public async Task Fetch_OverSmartHttp_ClonesAndFollowsNewCommits()
    {
        var first = _h.Push("one", ("tasks/a.yaml", "a: 1"));
        await using var server = await GitHttpServer.StartAsync(_h.Remote.ServeRoot);
        var source = _h.Source(url: server.UrlFor(_h.Remote.RepositoryName));

        Assert.Equal(first, (await source.FetchAsync(_h.Token)).CommitId);
        var second = _h.Push("two", ("tasks/b.yaml", "b: 1"));
        var result = await source.FetchAsync(_h.Token);

        Assert.Equal(second, result.CommitId);
        Assert.Equal(second, source.LastGoodCommitId);
    }

    [Trait("Category", "Slow")] // git http-backend stopped and restarted
    [GitCliFact(Timeout = 60_000)]
    public async Task Fetch_HttpServerStopped_IsUnreachableThenRecovers()
    {
        var first = _h.Push("one", ("tasks/a.yaml", "a: 1"));
        var server = await GitHttpServer.StartAsync(_h.Remote.ServeRoot);
        var url = server.UrlFor(_h.Remote.RepositoryName);
        var source = _h.Source(url: url);
        await source.FetchAsync(_h.Token);
        await server.DisposeAsync();

        var error = await Assert.ThrowsAsync<GitSourceException>(() => source.FetchAsync(_h.Token));

        Assert.Equal(GitSourceErrorKind.Unreachable, error.Kind);
        Assert.Equal(first, source.LastGoodCommitId);
    }

    [Trait("Category", "Slow")] // a git transfer cancelled mid-way
    [GitCliFact(Timeout = 60_000)]
    public async Task Fetch_CancelledMidTransfer_ReturnsPromptlyThenTheNextFetchSucceeds()
    {
        var head = _h.Push("one", ("tasks/a.yaml", "a: 1"));
        using var cancel = new CancellationTokenSource();
        var cancelledAt = 0L;
        await using var server = await GitHttpServer.StartAsync(_h.Remote.ServeRoot, beforeRequest: async request =>
        {
            // The pack request: the client is inside libgit2's transfer when this fires, and stays there.
            if (request.Method == "POST" && !cancel.IsCancellationRequested)
            {
                Interlocked.Exchange(ref cancelledAt, System.Diagnostics.Stopwatch.GetTimestamp());
                await cancel.CancelAsync();
                await Task.Delay(TimeSpan.FromSeconds(2));
            }
        });
        var source = _h.Source(url: server.UrlFor(_h.Remote.RepositoryName));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => source.FetchAsync(cancel.Token));
        var latency = System.Diagnostics.Stopwatch.GetElapsedTime(Interlocked.Read(ref cancelledAt));
        Assert.True(latency < TimeSpan.FromSeconds(1.5), $"the caller was released {latency} after cancelling");

        Assert.Equal(head, (await source.FetchAsync(_h.Token)).CommitId);
        Assert.Equal([source.CachePath], Directory.EnumerateFileSystemEntries(_h.Cache.Path));
    }
}
