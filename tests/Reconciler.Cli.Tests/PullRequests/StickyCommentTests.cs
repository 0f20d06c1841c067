using Reconciler.Core.Rendering;
using Reconciler.Testing.GitHub;
using Xunit;
using static Reconciler.Cli.Tests.PullRequests.PrWorkspace;

namespace Reconciler.Cli.Tests.PullRequests;

/// <summary>One plan comment per pull request, created once and edited in place on every later push.</summary>
public sealed class StickyCommentTests
{
    private static readonly string Marker = Reconciler.GitHub.PlanChannel.LiveState.Marker;

    [Fact]
    public async Task Plan_ThreePushes_LeavesOneCommentEditedTwice()
    {
        await using var pr = await StartAsync();
        pr.GitHub.AddForeignComments(Pr, 3);

        pr.Write("tasks/east.yaml", PrManifests.Valid(1, "信用卡逾期提醒-华东"));
        var first = await pr.PlanAsync();
        pr.Write("tasks/east.yaml", PrManifests.Valid(1, "信用卡逾期提醒-华东", maximumcall: 4));
        var second = await pr.PlanAsync();
        pr.Write("tasks/south.yaml", PrManifests.Valid(2, "信用卡逾期提醒-华南", maximumcall: 6));
        var third = await pr.PlanAsync();

        Assert.All([first, second, third], run => Assert.True(run.ExitCode == 0, run.ToString()));
        var ours = Assert.Single(pr.GitHub.CommentsOn(Pr), c => c.Body.Contains(Marker, StringComparison.Ordinal));
        Assert.Equal(4, pr.GitHub.CommentsOn(Pr).Count);
        Assert.Single(pr.GitHub.RequestsTo(FakeGitHubRoute.CreateIssueComment));
        Assert.Equal(2, pr.GitHub.RequestsTo(FakeGitHubRoute.UpdateIssueComment).Count);
        Assert.All(pr.GitHub.RequestsTo(FakeGitHubRoute.UpdateIssueComment), r => Assert.EndsWith($"/issues/comments/{ours.Id}", r.Path, StringComparison.Ordinal));

        // The comment holds the latest plan only.
        Assert.StartsWith(Marker + "\n", ours.Body, StringComparison.Ordinal);
        Assert.Contains("**Plan: 0 to update, 2 to adopt, 0 to unmanage, 0 invalid, 0 unchanged.**", ours.Body, StringComparison.Ordinal);
        Assert.Contains("信用卡逾期提醒-华南", ours.Body, StringComparison.Ordinal);
        Assert.Contains("+ maximumcall: 4", ours.Body, StringComparison.Ordinal);
        Assert.Contains("+ maximumcall: 6", ours.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("+ maximumcall: 2", ours.Body, StringComparison.Ordinal);
        Assert.Contains("reconciler: plan comment created:", first.Error, StringComparison.Ordinal);
        Assert.Contains("reconciler: plan comment updated:", third.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_MarkerCommentBeyondTheFirstPage_IsFoundAndEditedNotDuplicated()
    {
        await using var pr = await StartAsync();
        pr.GitHub.AddForeignComments(Pr, 150);
        var old = pr.GitHub.AddComment(Pr, $"{Marker}\n### Task Reconciler plan\n\nan old plan\n", pr.GitHub.Login);
        pr.GitHub.AddForeignComments(Pr, 5);
        pr.Write("tasks/east.yaml", PrManifests.Valid(1, "信用卡逾期提醒-华东"));

        var run = await pr.PlanAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Empty(pr.GitHub.RequestsTo(FakeGitHubRoute.CreateIssueComment));
        var edit = Assert.Single(pr.GitHub.RequestsTo(FakeGitHubRoute.UpdateIssueComment));
        Assert.EndsWith($"/issues/comments/{old.Id}", edit.Path, StringComparison.Ordinal);
        Assert.Equal(156, pr.GitHub.CommentsOn(Pr).Count);
        var ours = Assert.Single(pr.GitHub.CommentsOn(Pr), c => c.Body.Contains(Marker, StringComparison.Ordinal));
        Assert.Equal(old.Id, ours.Id);
        Assert.Contains("信用卡逾期提醒-华东", ours.Body, StringComparison.Ordinal);
        Assert.Equal(["1", "2"], pr.GitHub.RequestsTo(FakeGitHubRoute.ListIssueComments).Select(r => r.QueryValue("page") ?? "1"));
    }

    [Fact]
    public async Task Plan_PushWithoutManifestChanges_SendsNoEdit()
    {
        await using var pr = await StartAsync();
        pr.Write("tasks/east.yaml", PrManifests.Valid(1, "信用卡逾期提醒-华东"));
        await pr.PlanAsync();

        var again = await pr.PlanAsync();

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Single(pr.GitHub.RequestsTo(FakeGitHubRoute.CreateIssueComment));
        Assert.Empty(pr.GitHub.RequestsTo(FakeGitHubRoute.UpdateIssueComment));
        Assert.Contains("reconciler: plan comment unchanged:", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_CommentPaths_ArePrefixedWithTheDirectoryAsTyped()
    {
        await using var pr = await StartAsync();
        pr.Write("ops/tasks/bad.yaml", PrManifests.Invalid(1));

        var run = await pr.PlanAsync("./ops/");

        Assert.True(run.ExitCode == 1, run.ToString());
        var ours = Assert.Single(pr.GitHub.CommentsOn(Pr));
        Assert.Contains("- `ops/tasks/bad.yaml:9:16` maximumcall 3 must divide evenly", ours.Body, StringComparison.Ordinal);
        Assert.Contains("| `ops/tasks/bad.yaml:1` | invalid |", ours.Body, StringComparison.Ordinal);
    }
}
