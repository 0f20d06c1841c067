using Reconciler.Cli.Tests.Support;
using Reconciler.Testing.GitHub;

namespace Reconciler.Cli.Tests.PullRequests;

/// <summary>
/// One pull-request scenario: a temporary working directory holding manifests, a fake GitHub on
/// 127.0.0.1 serving repository o/r with pull request #7, and the real CLI run in-process with captured
/// streams and an injected environment (nothing is read from the test process's own environment).
/// </summary>
internal sealed class PrWorkspace : IAsyncDisposable
{
    public const int Pr = 7;
    public const string Repository = "o/r";
    public const string HeadSha = "4f2c9e1a7b3d5f60718293a4b5c6d7e8f9012345";

    /// <summary>Distinctive, so that finding it anywhere in output is proof of a leak, not a coincidence.</summary>
    public const string Token = "ghs_PrPlanT0kenThatMustNeverBeSeen_7f3a9c2e5b8d";

    // A hang fails one test instead of stalling the run.

    private readonly TestDirectory _directory;

    private PrWorkspace(FakeGitHubServer github, TestDirectory directory)
    {
        GitHub = github;
        _directory = directory;
        Environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["GITHUB_TOKEN"] = Token };
    }

    public FakeGitHubServer GitHub { get; }

    /// <summary>The working directory the CLI runs in.</summary>
    public string Directory => _directory.Path;

    /// <summary>The whole environment the CLI sees; tests add GITHUB_ACTIONS, GITHUB_STEP_SUMMARY…</summary>
    public Dictionary<string, string> Environment { get; }

    /// <summary>The API root Octokit is pointed at, as an Enterprise-style URL.</summary>
    public string ApiUrl => GitHub.ApiUrl.ToString();

    public static async Task<PrWorkspace> StartAsync(string token = Token)
    {
        var github = await FakeGitHubServer.StartAsync(new FakeGitHubServerOptions { Owner = "o", Repository = "r", Token = token });
        github.AddPullRequest(new FakePullRequest(Pr, HeadSha));
        return new PrWorkspace(github, new TestDirectory("prplan"));
    }

    /// <summary>Writes a file under the working directory (creating folders) and returns its full path.</summary>
    public string Write(string relative, string content)
    {
        var full = Path.Combine(Directory, relative);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    public void Delete(string relative) => File.Delete(Path.Combine(Directory, relative));

    /// <summary><c>reconciler plan DIR --github-repo o/r --pr 7 --github-api-url FAKE</c> plus <paramref name="extra"/>.</summary>
    public Task<CliResult> PlanAsync(string directory = ".", params string[] extra) =>
        RunAsync(["plan", directory, "--github-repo", Repository, "--pr", "7", "--github-api-url", ApiUrl, .. extra]);

    public Task<CliResult> RunAsync(params string[] args) => InProcessCli.RunAsync(Directory, Environment, args);

    public async ValueTask DisposeAsync()
    {
        await GitHub.DisposeAsync();
        _directory.Dispose();
    }
}
