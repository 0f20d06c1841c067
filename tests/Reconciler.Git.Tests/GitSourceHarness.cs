using Reconciler.Core.Sources;
using Reconciler.Testing.Git;

namespace Reconciler.Git.Tests;

/// <summary>A test remote, a cache folder and sources over them; every source is disposed with the harness.</summary>
internal sealed class GitSourceHarness : IDisposable
{
    /// <summary>Every test operation is bounded by this, so nothing can hang a run.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private readonly List<GitRepositorySource> _sources = [];
    private readonly CancellationTokenSource _timeout = new(Deadline);

    public TestGitRemote Remote { get; } = new();

    public TestDirectory Cache { get; } = new("git-cache");

    public CancellationToken Token => _timeout.Token;

    /// <summary>No tokens, whatever the machine's environment holds (CI often sets GITHUB_TOKEN).</summary>
    public static string? NoEnvironment(string name) => null;

    public GitRepositorySource Source(string? url = null, string branch = "main", string path = "", ManifestGlob? glob = null, Func<string, string?>? environment = null)
    {
        var source = new GitRepositorySource(new GitRepositorySourceOptions
        {
            Url = url ?? Remote.Url,
            Branch = branch,
            Path = path,
            Glob = glob ?? ManifestGlob.Default,
            CacheDirectory = Cache.Path,
            ReadEnvironment = environment ?? NoEnvironment,
        });
        _sources.Add(source);
        return source;
    }

    /// <summary>Writes a small manifest whose identity is derived from its name, commits and pushes it.</summary>
    public string Push(string message, params (string Path, string Content)[] files)
    {
        foreach (var (path, content) in files)
        {
            Remote.Write(path, content);
        }

        return Remote.CommitAndPush(message);
    }

    public static string Manifest(string name) =>
        $"""
        apiVersion: tasks/v2
        kind: Task
        metadata:
          user_id: 5832d184-dd53-42a0-8ace-0bf8d660f4cc
          task_id: {name}
        spec:
          name: 测试任务-{name}
          maximumcall: 2
        """;

    public void Dispose()
    {
        foreach (var source in _sources)
        {
            source.Dispose();
        }

        _timeout.Dispose();
        Remote.Dispose();
        Cache.Dispose();
    }
}
