using Reconciler.Core.Planning;
using Reconciler.Testing.GitHub;
using Xunit;
using static Reconciler.GitHub.Tests.TestGitHub;

namespace Reconciler.GitHub.Tests;

/// <summary>
/// Issue 20: any comment holding the marker used to count as ours, whoever wrote it, and a value holding the CI marker
/// made the service's comment look like CI's. Now a comment is ours only when the token's own identity wrote it (looked up
/// once with <c>GET /user</c>) and its first line is this channel's marker.
/// </summary>
public sealed class CommentOwnershipTests
{
    private const int Pr = 12;

    [Fact(Timeout = TestTimeoutMs)]
    public async Task Upsert_MarkerPostedBySomeoneElseAfterOurs_EditsOursNotTheirs()
    {
        await using var github = await StartWithPullRequest();
        var ours = github.AddComment(Pr, Plan("ours"), github.Login);
        var forged = github.AddComment(Pr, Plan("forged by mallory"), "mallory");
        using var publisher = Publisher(github);

        var result = await publisher.UpsertPlanCommentAsync(Pr, Marker, Plan("next push"), Deadline());

        Assert.Equal((CommentAction.Updated, ours.Id), (result.Action, result.CommentId));
        Assert.Equal(Plan("forged by mallory"), github.CommentsOn(Pr).Single(c => c.Id == forged.Id).Body);
        Assert.Single(github.RequestsTo(FakeGitHubRoute.GetAuthenticatedUser));
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task Upsert_OnlyAForgedMarkerComment_CreatesOurOwn()
    {
        await using var github = await StartWithPullRequest();
        var forged = github.AddComment(Pr, Plan("forged"), "mallory");
        using var publisher = Publisher(github);

        var result = await publisher.UpsertPlanCommentAsync(Pr, Marker, Plan("real"), Deadline());

        Assert.Equal(CommentAction.Created, result.Action);
        Assert.Equal(Plan("forged"), github.CommentsOn(Pr).Single(c => c.Id == forged.Id).Body);
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task Upsert_TwoPushes_LookUpTheTokensUserOnce()
    {
        await using var github = await StartWithPullRequest();
        using var publisher = Publisher(github);

        await publisher.UpsertPlanCommentAsync(Pr, Marker, Plan("one"), Deadline());
        await publisher.UpsertPlanCommentAsync(Pr, Marker, Plan("two"), Deadline());

        Assert.Single(github.RequestsTo(FakeGitHubRoute.GetAuthenticatedUser));
        Assert.Single(github.CommentsOn(Pr));
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task Upsert_InstallationTokenThatCannotReadUser_TakesOnlyBotComments()
    {
        await using var github = await FakeGitHubServer.StartAsync(new FakeGitHubServerOptions { UserReadable = false });
        github.AddPullRequest(new FakePullRequest(Pr, HeadSha));
        var ours = github.AddComment(Pr, Plan("ours"), github.Login);
        github.AddComment(Pr, Plan("forged by a person"), "mallory");
        using var publisher = Publisher(github);

        var result = await publisher.UpsertPlanCommentAsync(Pr, Marker, Plan("next"), Deadline());

        Assert.Equal((CommentAction.Updated, ours.Id), (result.Action, result.CommentId));
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task Upsert_OurCommentOfTheOtherChannelQuotingThisMarker_IsNotTaken()
    {
        // A task named "<!-- task-reconciler:plan -->" once put CI's marker inside the service's plan-live comment.
        await using var github = await StartWithPullRequest();
        var live = github.AddComment(Pr, $"{PlanChannel.LiveState.Marker}\n| + | {Marker} (t1) |\n", github.Login);
        using var publisher = Publisher(github);

        var result = await publisher.UpsertPlanCommentAsync(Pr, PlanChannel.BaseRevision.Marker, Plan("ci plan"), Deadline());

        Assert.Equal(CommentAction.Created, result.Action);
        Assert.NotEqual(live.Id, result.CommentId);
        Assert.StartsWith(PlanChannel.LiveState.Marker, github.CommentsOn(Pr).Single(c => c.Id == live.Id).Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Channels_NeitherMarkerStartsTheOther()
    {
        Assert.False(PlanChannel.LiveState.Marker.StartsWith(PlanChannel.BaseRevision.Marker, StringComparison.Ordinal));
        Assert.False(PlanChannel.BaseRevision.Marker.StartsWith(PlanChannel.LiveState.Marker, StringComparison.Ordinal));
        Assert.Equal(BaselineKind.LiveState, PlanChannel.For(BaselineKind.LiveState).Baseline);
    }

    private static async Task<FakeGitHubServer> StartWithPullRequest()
    {
        var github = await FakeGitHubServer.StartAsync();
        github.AddPullRequest(new FakePullRequest(Pr, HeadSha));
        return github;
    }
}
