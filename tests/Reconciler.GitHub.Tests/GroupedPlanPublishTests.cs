using Reconciler.Core.Diagnostics;
using Reconciler.Core.Manifests;
using Reconciler.Core.Normalization;
using Reconciler.Core.Planning;
using Reconciler.Testing.GitHub;
using Xunit;
using static Reconciler.GitHub.Tests.TestGitHub;

namespace Reconciler.GitHub.Tests;

/// <summary>The service's plan-live comment (the same publish step as CI): identical changes as one group, cut list, and where the whole plan is.</summary>
public sealed class GroupedPlanPublishTests
{
    [Fact(Timeout = TestTimeoutMs)]
    public async Task Publish_LivePlanOfTwoThousandIdenticalUpdates_IsOneGroupAndTheNoteSaysWhereTheWholePlanIs()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        github.AddPullRequest(new FakePullRequest(3, HeadSha));
        using var client = Publisher(github);
        var plan = new Plan(Enumerable.Range(0, 2_000).Select(Update).ToList(), HeadSha);

        var result = await new PlanPublisher(client).PublishAsync(plan, 3, HeadSha, null, Deadline());

        Assert.Null(result.CommentError);
        var body = Assert.Single(github.CommentsOn(3)).Body;
        Assert.StartsWith(PlanChannel.LiveState.Marker, body, StringComparison.Ordinal);
        Assert.True(body.Length <= 65_536, $"{body.Length} characters");
        Assert.Contains("#### ~ group 1 · update · 2,000 tasks in 1 account: `spec.maximumcall` `2` → `4`\n", body, StringComparison.Ordinal);
        Assert.Contains($"grouped tasks (group 1). {PlanChannel.LiveState.WholePlan}\n", body, StringComparison.Ordinal);
    }

    private static PlanEntry Update(int i)
    {
        var identity = new TaskIdentity("5832d184-dd53-42a0-8ace-0bf8d660f4cc", $"task-{i:0000}-with-a-long-enough-id-to-matter");
        var location = new SourceLocation($"tasks/task-{i:0000}.yaml", 1, 1);
        var body = CanonicalBody.FromJson($$"""{"name":"任务-{{i}}","maximumcall":4,"dial_time_id":1}""");
        return new PlanEntry(PlanAction.Update, identity, $"任务-{i}", location, [new FieldChange("/maximumcall", "2", "4")], [])
        {
            Desired = new TaskManifest(identity, ApiFlavour.V2, $"任务-{i}", body, false, false, location, []),
            Reason = UpdateReason.Changed,
        };
    }
}
