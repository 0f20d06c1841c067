using System.Text.Json;
using Reconciler.Core.Manifests;
using Reconciler.Service.Tests.Support;
using Reconciler.TaskApi.Auth;
using Reconciler.Testing;
using Reconciler.Testing.GitHub;
using Xunit;

namespace Reconciler.Service.Tests;

/// <summary>
/// The service enforces the repository's owners (issue 26): a revision whose merged pull request lacks an owner's
/// approval applies everything but the owned account's tasks (policy_blocked), and each run records its audit.
/// </summary>
public sealed class ServicePolicyTests
{
    private const string Approved = "3f5e2a9c0d1b4e6f8a7c9b0d2e4f6a8c0b1d3e5f";

    [Fact]
    public async Task Service_OwnedAccountWithoutOwnerApproval_ZeroPutsToItWhileTheOthersApply_AndTheRunRecordsItsAudit()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        await using var service = await ServiceHarness.CreateAsync();
        var owned = service.Simulator.CreateAccount();
        service.SetEnvironment(EnvironmentTokenSource.PerUserVariable(owned.UserId), owned.Token);
        var others = service.AddTasks(2);
        var ownedTask = service.Simulator.CreateTask(owned);
        service.Remote.Write("tasks/owned.yaml", ServiceManifests.Valid(ownedTask, "催收提醒-负责人"));
        service.Remote.Write(".reconciler/policy.yaml", $"owners:\n  - select: {{user_ids: [\"{owned.UserId}\"]}}\n    approvers: [lead-alice]\n");
        var merge = service.Remote.CommitAndPush("merge #12");
        github.AddPullRequest(new FakePullRequest(12, Approved) { State = "closed", Merged = true, MergeCommitSha = merge, MergedBy = "bob", BaseRef = "main" });
        github.AddReview(12, "carol", "APPROVED", Approved);

        service.SetEnvironment("GITHUB_TOKEN", github.Token);
        await service.StartAsync(new Dictionary<string, string?> { ["GitHubRepo"] = github.Repository, ["GitHubApiUrl"] = github.ApiUrl.ToString() });
        await service.WaitForRunsAsync(1);

        Assert.Equal(0, service.Puts(ownedTask));
        Assert.All(others, t => Assert.Equal(1, service.Puts(t)));
        var status = await service.StatusAsync();
        var blocked = ServiceHarness.TaskStatus(status, ownedTask);
        Assert.Equal("policy_blocked", blocked.GetProperty("state").GetString());
        Assert.Contains("lead-alice", blocked.GetProperty("message").GetString(), StringComparison.Ordinal);
        var audit = status.GetProperty("last_run").GetProperty("audit");
        Assert.Equal((12, "bob", "carol"), (audit.GetProperty("pull_request").GetInt32(), audit.GetProperty("merged_by").GetString(), string.Join(",", audit.GetProperty("approved_by").EnumerateArray().Select(a => a.GetString()))));
        Assert.Equal("poll", status.GetProperty("last_run").GetProperty("trigger").GetString());
        Assert.Equal((2, 1), (status.GetProperty("last_run").GetProperty("outcomes").GetProperty("applied").GetInt32(), status.GetProperty("last_run").GetProperty("outcomes").GetProperty("policy_blocked").GetInt32()));
        Assert.Contains("reconciler_tasks{state=\"policy_blocked\"} 1", await service.Http.GetStringAsync("metrics", service.Token), StringComparison.Ordinal);

        // The owner approves a follow-up pull request: its merge applies the owned task.
        service.Remote.Write("tasks/owned.yaml", ServiceManifests.Valid(ownedTask, "催收提醒-已批准"));
        var second = service.Remote.CommitAndPush("merge #13");
        github.AddPullRequest(new FakePullRequest(13, "4f5e2a9c0d1b4e6f8a7c9b0d2e4f6a8c0b1d3e5f") { State = "closed", Merged = true, MergeCommitSha = second, MergedBy = "bob" });
        github.AddReview(13, "lead-alice", "APPROVED", "4f5e2a9c0d1b4e6f8a7c9b0d2e4f6a8c0b1d3e5f");
        service.Advance(ServiceHarness.OnePoll);
        await service.WaitForRunsAsync(2);

        Assert.Equal(1, service.Puts(ownedTask));
        Assert.Contains("催收提醒-已批准", service.Simulator.Task(ownedTask).Body, StringComparison.Ordinal);
    }
}
