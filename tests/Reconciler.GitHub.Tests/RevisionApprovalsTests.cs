using Reconciler.Testing.GitHub;
using Xunit;
using static Reconciler.GitHub.Tests.TestGitHub;

namespace Reconciler.GitHub.Tests;

/// <summary>The service's look-up of where a revision came from: its merged pull request, merger and approvers.</summary>
public sealed class RevisionApprovalsTests
{
    private const string MergeSha = "9fceb02d0ae598e95dc970b74767f19372d61af8";
    private static readonly string[] Owners = ["lead-alice", "@acme/collections-leads"];

    [Fact(Timeout = TestTimeoutMs)]
    public async Task Lookup_MergedPullRequest_GivesMergerApproversAndTheOwnersTheySatisfy()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        github.AddPullRequest(new FakePullRequest(12, HeadSha) { State = "closed", Merged = true, MergeCommitSha = MergeSha, MergedBy = "bob" });
        github.AddReview(12, "carol", "APPROVED", HeadSha);
        github.AddReview(12, "dave", "APPROVED", "0000000000000000000000000000000000000abc");
        github.AddTeamMember("acme", "collections-leads", "carol");
        using var publisher = Publisher(github);

        var approval = await new RevisionApprovals(publisher).LookupAsync(MergeSha, Owners, Deadline());

        Assert.Equal((12, "bob", "carol"), (approval.Audit.PullRequest, approval.Audit.MergedBy, string.Join(",", approval.Audit.ApprovedBy)));
        Assert.Equal(["@acme/collections-leads"], approval.SatisfiedApprovers);
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task Lookup_DirectPush_HasNoPullRequestAndSatisfiesNobody()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        github.AddPullRequest(new FakePullRequest(13, HeadSha));
        using var publisher = Publisher(github);

        var approval = await new RevisionApprovals(publisher).LookupAsync(MergeSha, Owners, Deadline());

        Assert.Null(approval.Audit.PullRequest);
        Assert.Empty(approval.SatisfiedApprovers);
    }

    [Fact(Timeout = TestTimeoutMs)]
    public async Task Lookup_SameRevisionTwice_AsksGitHubOnce()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        github.AddPullRequest(new FakePullRequest(12, HeadSha) { State = "closed", Merged = true, MergeCommitSha = MergeSha, MergedBy = "bob" });
        github.AddReview(12, "lead-alice", "APPROVED", HeadSha);
        using var publisher = Publisher(github);
        var approvals = new RevisionApprovals(publisher);

        await approvals.LookupAsync(MergeSha, Owners, Deadline());
        var again = await approvals.LookupAsync(MergeSha, Owners, Deadline());

        Assert.Equal(["lead-alice"], again.SatisfiedApprovers);
        Assert.Single(github.RequestsTo(FakeGitHubRoute.ListCommitPullRequests));
    }
}
