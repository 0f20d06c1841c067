using Reconciler.Testing.GitHub;
using Xunit;
using static Reconciler.GitHub.Tests.TestGitHub;

namespace Reconciler.GitHub.Tests;

public sealed class UpsertPlanCommentTests
{
    private const int Pr = 12;

    [Fact(Timeout = TestTimeoutMs)]
    public async Task Upsert_ThreePushes_LeavesOneCommentEditedTwice()
    {
        await using var github = await StartWithPullRequest();
        github.AddForeignComments(Pr, 3);
        using var publisher = Publisher(github);

        var first = await publisher.UpsertPlanCommentAsync(Pr, Marker, Plan("push 1"), Deadline());
        var second = await publisher.UpsertPlanCommentAsync(Pr, Marker, Plan("push 2"), Deadline());
        var third = await publisher.UpsertPlanCommentAsync(Pr, Marker, Plan("push 3"), Deadline());

        var ours = Assert.Single(github.CommentsOn(Pr), c => c.Body.Contains(Marker, StringComparison.Ordinal));
        Assert.Equal(Plan("push 3"), ours.Body);
        Assert.Equal(github.Login, ours.AuthorLogin);
        Assert.Single(github.RequestsTo(FakeGitHubRoute.CreateIssueComment));
        Assert.Equal(2, github.RequestsTo(FakeGitHubRoute.UpdateIssueComment).Count);
        Assert.Equal([CommentAction.Created, CommentAction.Updated, CommentAction.Updated], [first.Action, second.Action, third.Action]);
        Assert.All([first, second, third], r => Assert.Equal(ours.Id, r.CommentId));
        Assert.Equal($"{github.BaseUrl}{github.Repository}/pull/{Pr}#issuecomment-{ours.Id}", third.HtmlUrl.ToString());
        Assert.False(third.FoundDuplicates);
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task Upsert_MarkerCommentOnThirdPage_IsFoundAndEditedNotDuplicated()
    {
        await using var github = await StartWithPullRequest();
        github.AddForeignComments(Pr, 230);
        var ours = github.AddComment(Pr, Plan("old plan"), github.Login);
        github.AddForeignComments(Pr, 5);
        using var publisher = Publisher(github);

        var result = await publisher.UpsertPlanCommentAsync(Pr, Marker, Plan("new plan"), Deadline());

        Assert.Equal(CommentAction.Updated, result.Action);
        Assert.Equal(ours.Id, result.CommentId);
        Assert.Empty(github.RequestsTo(FakeGitHubRoute.CreateIssueComment));
        Assert.Equal(236, github.CommentsOn(Pr).Count);
        var pages = github.RequestsTo(FakeGitHubRoute.ListIssueComments).Select(r => r.QueryValue("page") ?? "1");
        Assert.Equal(["1", "2", "3"], pages);
        Assert.Equal(Plan("new plan"), github.CommentsOn(Pr).Single(c => c.Id == ours.Id).Body);
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task Upsert_IdenticalBody_SendsNoPatch()
    {
        await using var github = await StartWithPullRequest();
        using var publisher = Publisher(github);
        var created = await publisher.UpsertPlanCommentAsync(Pr, Marker, Plan("same"), Deadline());
        var before = Assert.Single(github.CommentsOn(Pr));

        var again = await publisher.UpsertPlanCommentAsync(Pr, Marker, Plan("same"), Deadline());

        Assert.Equal(CommentAction.Unchanged, again.Action);
        Assert.Equal(created.CommentId, again.CommentId);
        Assert.Empty(github.RequestsTo(FakeGitHubRoute.UpdateIssueComment));
        Assert.Equal(before, Assert.Single(github.CommentsOn(Pr)));
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task Upsert_SameBodyWithOtherLineEndings_IsUnchanged()
    {
        await using var github = await StartWithPullRequest();
        github.AddComment(Pr, Plan("line one\r\nline two").ReplaceLineEndings("\r\n"), github.Login);
        using var publisher = Publisher(github);

        var result = await publisher.UpsertPlanCommentAsync(Pr, Marker, Plan("line one\nline two"), Deadline());

        Assert.Equal(CommentAction.Unchanged, result.Action);
        Assert.Empty(github.RequestsTo(FakeGitHubRoute.UpdateIssueComment));
    }

    [Trait("Category", "Slow")] // over four seconds under load
    [Fact(Timeout = TestTimeoutMs)]
    public async Task Upsert_SeveralMarkerComments_EditsNewestAndReportsTheOthers()
    {
        await using var github = await StartWithPullRequest();
        var start = new DateTimeOffset(2025, 1, 10, 8, 0, 0, TimeSpan.Zero);

        // Ids and creation times disagree on purpose: "newest" means most recently created.
        var newest = github.AddComment(Pr, Plan("from a race, newest"), github.Login, start.AddMinutes(30));
        var oldest = github.AddComment(Pr, Plan("from version 0.1"), github.Login, start);
        github.AddForeignComments(Pr, 4);
        var middle = github.AddComment(Pr, Plan("from a race"), github.Login, start.AddMinutes(10));
        using var publisher = Publisher(github);

        var result = await publisher.UpsertPlanCommentAsync(Pr, Marker, Plan("current"), Deadline());

        Assert.Equal(CommentAction.Updated, result.Action);
        Assert.Equal(newest.Id, result.CommentId);
        Assert.True(result.FoundDuplicates);
        Assert.Equal([oldest.Id, middle.Id], result.OlderMarkedCommentIds);
        var comments = github.CommentsOn(Pr);
        Assert.Equal(Plan("current"), comments.Single(c => c.Id == newest.Id).Body);
        Assert.Equal(oldest.Body, comments.Single(c => c.Id == oldest.Id).Body);
        Assert.Equal(middle.Body, comments.Single(c => c.Id == middle.Id).Body);
        Assert.Single(github.RequestsTo(FakeGitHubRoute.UpdateIssueComment));
        Assert.Empty(github.RequestsTo(FakeGitHubRoute.CreateIssueComment));
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task Upsert_CommentDeletedBeforeEdit_CreatesOneInstead()
    {
        await using var github = await StartWithPullRequest();
        github.AddComment(Pr, Plan("old"), github.Login);
        github.FailNext(FakeGitHubRoute.UpdateIssueComment, FakeGitHubFailure.NotFound());
        using var publisher = Publisher(github);

        var result = await publisher.UpsertPlanCommentAsync(Pr, Marker, Plan("new"), Deadline());

        Assert.Equal(CommentAction.Created, result.Action);
        Assert.Single(github.RequestsTo(FakeGitHubRoute.CreateIssueComment));
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task Upsert_WithCommentAuthor_IgnoresMarkerPastedByAPerson()
    {
        await using var github = await StartWithPullRequest();
        var pasted = github.AddComment(Pr, $"Why does it say this? {Plan("quoted")}", "operator");
        using var publisher = new PullRequestPublisher(
            GitHubOptions.For(github.Repository, github.Token, github.BaseUrl) with { CommentAuthor = github.Login });

        var result = await publisher.UpsertPlanCommentAsync(Pr, Marker, Plan("real"), Deadline());

        Assert.Equal(CommentAction.Created, result.Action);
        Assert.Equal(pasted.Body, github.CommentsOn(Pr).Single(c => c.Id == pasted.Id).Body);
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task Upsert_BodyContainingTheToken_PostsItRedacted()
    {
        await using var github = await StartWithPullRequest();
        using var publisher = Publisher(github);

        await publisher.UpsertPlanCommentAsync(Pr, Marker, Plan($"header: token {github.Token}"), Deadline());

        var posted = Assert.Single(github.CommentsOn(Pr)).Body;
        Assert.DoesNotContain(github.Token, posted, StringComparison.Ordinal);
        Assert.Contains("header: token [redacted]", posted, StringComparison.Ordinal);
    }

    [Theory(Timeout = TestTimeoutMs)]
    [InlineData("no marker here", Marker)]
    [InlineData(Marker + " plan", "task-reconciler")]
    [InlineData(Marker + " plan", "<!-- -->")]
    public async Task Upsert_BadMarkerOrBody_IsRejectedBeforeAnyRequest(string body, string marker)
    {
        await using var github = await StartWithPullRequest();
        using var publisher = Publisher(github);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => publisher.UpsertPlanCommentAsync(Pr, marker, body, Deadline()));

        Assert.Empty(github.Requests);
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task Upsert_BodyOverGitHubLimit_IsRejectedBeforeAnyRequest()
    {
        await using var github = await StartWithPullRequest();
        using var publisher = Publisher(github);
        var body = Plan(new string('x', PullRequestPublisher.MaxCommentLength));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => publisher.UpsertPlanCommentAsync(Pr, Marker, body, Deadline()));

        Assert.Contains("65,536", error.Message, StringComparison.Ordinal);
        Assert.Empty(github.Requests);
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task Upsert_CancelledWhileGitHubHangs_StopsPromptly()
    {
        await using var github = await StartWithPullRequest();
        github.FailNext(FakeGitHubRoute.ListIssueComments, FakeGitHubFailure.Slow(TimeSpan.FromSeconds(15)));
        using var publisher = Publisher(github, timeout: TimeSpan.FromSeconds(20));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => publisher.UpsertPlanCommentAsync(Pr, Marker, Plan("x"), cancel.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Empty(github.CommentsOn(Pr));
    }

    private static async Task<FakeGitHubServer> StartWithPullRequest()
    {
        var github = await FakeGitHubServer.StartAsync();
        github.AddPullRequest(new FakePullRequest(Pr, HeadSha));
        return github;
    }
}
