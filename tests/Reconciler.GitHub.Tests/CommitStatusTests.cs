using Reconciler.Testing.GitHub;
using Xunit;
using static Reconciler.GitHub.Tests.TestGitHub;

namespace Reconciler.GitHub.Tests;

public sealed class CommitStatusTests
{
    private const string Context = "reconciler/plan";

    [Theory(Timeout = TestTimeoutMs)]
    [InlineData(CommitStatusState.Success, "success")]
    [InlineData(CommitStatusState.Failure, "failure")]
    [InlineData(CommitStatusState.Pending, "pending")]
    [InlineData(CommitStatusState.Error, "error")]
    public async Task SetStatus_EachState_PostsStateContextDescriptionAndTargetUrl(CommitStatusState state, string expected)
    {
        await using var github = await FakeGitHubServer.StartAsync();
        using var publisher = Publisher(github);

        await publisher.SetCommitStatusAsync(HeadSha, state, Context, "Plan: 2 to update, 1 to adopt", "https://ci.example/runs/7", Deadline());

        var status = Assert.Single(github.Statuses);
        Assert.Equal((HeadSha, expected, Context, "Plan: 2 to update, 1 to adopt", "https://ci.example/runs/7"),
            (status.Sha, status.State, status.Context, status.Description, status.TargetUrl));
        var request = Assert.Single(github.Requests);
        Assert.Equal($"/api/v3/repos/{github.Repository}/statuses/{HeadSha}", request.Path);
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task SetStatus_FailureWithLongDescription_IsCutTo140WithEllipsis()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        using var publisher = Publisher(github);
        var description = "3 manifests are invalid: " + string.Join(", ", Enumerable.Range(1, 40).Select(i => $"tasks/任务-{i}.yaml"));

        await publisher.SetCommitStatusAsync(HeadSha, CommitStatusState.Failure, Context, description, null, Deadline());

        var sent = Assert.Single(github.Statuses).Description!;
        Assert.True(sent.Length <= 140, $"{sent.Length} characters");
        Assert.EndsWith("…", sent, StringComparison.Ordinal);
        Assert.StartsWith("3 manifests are invalid: tasks/任务-1.yaml", sent, StringComparison.Ordinal);
        Assert.Null(Assert.Single(github.Statuses).TargetUrl);
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task SetStatus_DescriptionWithTheToken_IsRedacted()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        using var publisher = Publisher(github);

        await publisher.SetCommitStatusAsync(HeadSha, CommitStatusState.Error, Context, $"failed with {github.Token}", null, Deadline());

        Assert.Equal("failed with [redacted]", Assert.Single(github.Statuses).Description);
    }

    [Theory(Timeout = TestTimeoutMs)]
    [InlineData("abc123", "https://ci.example/1")]
    [InlineData("../../pulls/1", null)]
    [InlineData(HeadSha, "not a url")]
    [InlineData(HeadSha, "javascript:alert(1)")]
    public async Task SetStatus_BadShaOrTargetUrl_IsRejectedBeforeAnyRequest(string sha, string? targetUrl)
    {
        await using var github = await FakeGitHubServer.StartAsync();
        using var publisher = Publisher(github);

        await Assert.ThrowsAnyAsync<ArgumentException>(() =>
            publisher.SetCommitStatusAsync(sha, CommitStatusState.Success, Context, "ok", targetUrl, Deadline()));

        Assert.Empty(github.Requests);
    }
}
