using Reconciler.GitHub;
using Reconciler.Testing.GitHub;

namespace Reconciler.GitHub.Tests;

/// <summary>Shared set-up: a publisher pointed at a fake GitHub, and a deadline for every test.</summary>
internal static class TestGitHub
{
    public const string Marker = "<!-- task-reconciler:plan -->";
    public const int TestTimeoutMs = 30_000;
    public const string HeadSha = "3f5e2a9c0d1b4e6f8a7c9b0d2e4f6a8c0b1d3e5f";

    public static PullRequestPublisher Publisher(FakeGitHubServer github, Uri? apiUrl = null, string? token = null, TimeSpan? timeout = null) =>
        new(GitHubOptions.For(github.Repository, token ?? github.Token, apiUrl ?? github.BaseUrl) with
        {
            RequestTimeout = timeout ?? TimeSpan.FromSeconds(10),
        });

    // Every call gets a deadline so a hung server fails the test instead of the run.
    public static CancellationToken Deadline() => new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token;

    public static string Plan(string text) => $"{Marker}\n### Plan\n{text}\n";
}
