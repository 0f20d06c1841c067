using Reconciler.Core.Guardrails;
using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;
using Reconciler.Core.Reconciling;
using Reconciler.Testing;
using Reconciler.Testing.GitHub;
using Xunit;
using static Reconciler.GitHub.Tests.TestGitHub;

namespace Reconciler.GitHub.Tests;

/// <summary>The <c>reconciler/policy</c> status against the fake GitHub's reviews and team-membership endpoints.</summary>
public sealed class PolicyStatusTests
{
    private const int Pr = 26;
    private const string OlderSha = "0000000000000000000000000000000000000abc";
    private const string Policy = """
        rules:
          - name: collections-max-concurrency
            select: {paths: ["tasks/collections/**"]}
            schema: {properties: {spec: {properties: {maximumcall: {maximum: 60}}}}}
            message: 催收任务并发不得超过60
        owners:
          - select: {paths: ["tasks/collections/**"]}
            approvers: [lead-alice, "@acme/collections-leads"]
        """;

    private static readonly TaskIdentity Collections = new("5832d184-dd53-42a0-8ace-0bf8d660f4cc", "f232d184-dd54-42a0-8ace-0bf8d660f4cc");
    private static readonly TaskIdentity Sales = new("3d917f66-a99e-4a62-a0c4-9f5ef7036ab7", "b3dde793-792f-490b-bda1-e3bb80a6c302");

    [Fact(Timeout = TestTimeoutMs)]
    public async Task Publish_ErrorRuleViolated_FailsWithTheRulesMessage()
    {
        await using var github = await StartAsync();

        var verdict = await PublishAsync(github, await PlanAsync(collectionsMaximumCall: 80));

        var status = Assert.Single(github.Statuses);
        Assert.Equal(("failure", PolicyVerdict.StatusContext, HeadSha), (status.State, status.Context, status.Sha));
        Assert.StartsWith("policy rule 'collections-max-concurrency': 催收任务并发不得超过60", status.Description, StringComparison.Ordinal);
        Assert.False(verdict.Passed);
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task Publish_OwnedTaskChangedWithoutReviews_Fails()
    {
        await using var github = await StartAsync();

        await PublishAsync(github, await PlanAsync());

        var status = Assert.Single(github.Statuses);
        Assert.Equal("failure", status.State);
        Assert.Equal("needs an approving review on this commit by lead-alice or @acme/collections-leads (1 owned task(s) changed)", status.Description);
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task Publish_ApprovedByANonOwner_StillFails()
    {
        await using var github = await StartAsync();
        github.AddReview(Pr, "bob", "APPROVED", HeadSha);

        await PublishAsync(github, await PlanAsync());

        Assert.Equal("failure", Assert.Single(github.Statuses).State);
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task Publish_ApprovedByAnOwner_Succeeds()
    {
        await using var github = await StartAsync();
        github.AddReview(Pr, "bob", "APPROVED", HeadSha);
        github.AddReview(Pr, "lead-alice", "APPROVED", HeadSha);

        await PublishAsync(github, await PlanAsync());

        var status = Assert.Single(github.Statuses);
        Assert.Equal(("success", "policy passed; owners approved"), (status.State, status.Description));
        Assert.Equal($"/api/v3/repos/{github.Repository}/pulls/{Pr}/reviews", Assert.Single(github.RequestsTo(FakeGitHubRoute.ListPullRequestReviews)).Path);
    }

    [Theory(Timeout = TestTimeoutMs)]
    [InlineData("active", "success")]
    [InlineData("pending", "failure")]
    public async Task Publish_ApprovedByATeamMember_SucceedsOnlyForAnActiveMember(string membership, string expected)
    {
        await using var github = await StartAsync();
        github.AddTeamMember("acme", "collections-leads", "carol", membership);
        github.AddReview(Pr, "carol", "APPROVED", HeadSha);

        await PublishAsync(github, await PlanAsync());

        Assert.Equal(expected, Assert.Single(github.Statuses).State);
        Assert.Equal("/api/v3/orgs/acme/teams/collections-leads/memberships/carol", Assert.Single(github.RequestsTo(FakeGitHubRoute.GetTeamMembership)).Path);
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task Publish_OwnerApprovedAnOlderCommit_FailsForTheNewHead()
    {
        await using var github = await StartAsync();
        github.AddReview(Pr, "lead-alice", "APPROVED", OlderSha);

        await PublishAsync(github, await PlanAsync());

        Assert.Equal("failure", Assert.Single(github.Statuses).State);
    }

    [Theory(Timeout = TestTimeoutMs)]
    [InlineData("CHANGES_REQUESTED", "failure")]
    [InlineData("DISMISSED", "failure")]
    [InlineData("COMMENTED", "success")]
    public async Task Publish_OwnersLatestReviewDecides_ACommentChangesNothing(string later, string expected)
    {
        await using var github = await StartAsync();
        github.AddReview(Pr, "lead-alice", "APPROVED", HeadSha);
        github.AddReview(Pr, "lead-alice", later, HeadSha);

        await PublishAsync(github, await PlanAsync());

        Assert.Equal(expected, Assert.Single(github.Statuses).State);
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task Publish_NoOwnedTaskChanged_SucceedsWithoutReadingReviews()
    {
        await using var github = await StartAsync();

        await PublishAsync(github, await PlanAsync(collections: false));

        Assert.Equal(("success", "policy passed"), (Assert.Single(github.Statuses).State, Assert.Single(github.Statuses).Description));
        Assert.Empty(github.RequestsTo(FakeGitHubRoute.ListPullRequestReviews));
    }

    private static async Task<FakeGitHubServer> StartAsync()
    {
        var github = await FakeGitHubServer.StartAsync();
        github.AddPullRequest(new FakePullRequest(Pr, HeadSha));
        return github;
    }

    private static async Task<PolicyVerdict> PublishAsync(FakeGitHubServer github, Plan plan)
    {
        using var publisher = Publisher(github);
        return await new PolicyStatusPublisher(publisher, publisher).PublishAsync(plan, Pr, HeadSha, null, Deadline());
    }

    /// <summary>A plan that adopts a sales task and (unless told otherwise) a collections task, under <see cref="Policy"/>.</summary>
    private static async Task<Plan> PlanAsync(int collectionsMaximumCall = 2, bool collections = true)
    {
        List<ManifestFile> files = [ManifestFile.FromText("tasks/sales/b.yaml", ServiceManifests.Valid(Sales, "销售回访"))];
        if (collections)
        {
            files.Add(ManifestFile.FromText("tasks/collections/a.yaml", ServiceManifests.Valid(Collections, "催收提醒", collectionsMaximumCall)));
        }

        var snapshot = new SourceSnapshot(null, files, []) { Policy = ManifestFile.FromText(RepositoryPolicy.FilePath, Policy) };
        return (await new PlanningEngine(new ReconcileSettings()).PlanAsync(snapshot, CompareWith.LiveState, PlanOptions.Default, Deadline())).Plan;
    }
}
