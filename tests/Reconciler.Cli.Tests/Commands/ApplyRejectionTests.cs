using Reconciler.Cli.Tests.Support;
using Reconciler.Core.Manifests;
using Reconciler.Core.State;
using Reconciler.Testing.Simulator;
using TaskApi.Simulator;

namespace Reconciler.Cli.Tests.Commands;

/// <summary>Answers that are final: a refused body, an unknown task, a refused or missing token.</summary>
public sealed class ApplyRejectionTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    [Fact]
    public async Task Apply_SimulatorRuleViolation_IsRejectedWithTheApiMessageAndSentOnce()
    {
        using var work = new ApplyWorkspace(simulator);
        // A valid 旧版 manifest aimed at a 新版 task: the platform wants pop_mode, which the 旧版 body has not.
        var identity = simulator.CreateTask(work.Account, TaskFlavour.V2);
        work.WriteManifest("legacy.yaml", identity, SampleBodies.Legacy(), ApiFlavours.V2LegacyApiVersion);
        var healthy = work.AddTask("ok.yaml");

        var result = await work.ApplyAsync();

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("Apply: 1 applied, 0 blocked (running), 1 rejected, 0 failed.", result.Out, StringComparison.Ordinal);
        Assert.Contains("rejected", result.Error, StringComparison.Ordinal);
        Assert.Contains("[code 422]: task_extras.pop_mode 不能为空", result.Error, StringComparison.Ordinal);
        // Said once: not on stdout and again as `reconciler: …` on stderr.
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(result.Out + result.Error, "pop_mode 不能为空"));
        Assert.Equal((1, 0), (work.Task(identity).PutCount, work.Task(identity).AppliedCount)); // a refusal is never retried
        Assert.Equal([healthy], (await work.StateAsync()).Keys);
        var attempt = Assert.Single(await work.AttemptsAsync(), a => a.Identity == identity);
        Assert.Equal((ApplyOutcome.Rejected, (int?)422, "task_extras.pop_mode 不能为空"), (attempt.Outcome, attempt.ApiCode, attempt.Message));
    }

    [Fact]
    public async Task Apply_UnknownTask_IsRejectedWithTheApiMessage()
    {
        using var work = new ApplyWorkspace(simulator);
        var identity = new TaskIdentity(work.Account.UserId, Guid.NewGuid().ToString());
        work.WriteManifest("ghost.yaml", identity, SampleBodies.V2());

        var result = await work.ApplyAsync();

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("[code 404]: 任务不存在", result.Error, StringComparison.Ordinal);
        Assert.Equal(1, simulator.State.GetRequestLog().Count(e => e.TaskId == identity.TaskId && e.Operation == ApiOperation.UpdateTask));
        Assert.Empty(await work.StateAsync());
    }

    [Fact]
    public async Task Apply_TokenRefused_IsUnauthorizedAndExitsOne()
    {
        using var work = new ApplyWorkspace(simulator);
        var identity = work.AddTask("a.yaml");
        work.Environment["RECONCILER_API_TOKEN"] = "tok-not-the-registered-one";

        var result = await work.ApplyAsync();

        // The running check's read was refused: nothing would get through, so nothing is sent (issue 19, case 3).
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"refused the token from RECONCILER_API_TOKEN for account {identity.UserId}", result.Error, StringComparison.Ordinal);
        Assert.Equal((0, 0), (work.Task(identity).PutCount, work.Task(identity).AppliedCount));
        Assert.Empty(await work.StateAsync());
    }

    [Fact]
    public async Task Apply_NoToken_FailsFastBeforePlanningAndNamesTheVariables()
    {
        using var work = new ApplyWorkspace(simulator);
        var identity = work.AddTask("a.yaml");
        work.Environment.Remove("RECONCILER_API_TOKEN");

        var result = await work.ApplyAsync();

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("no API token is configured", result.Error, StringComparison.Ordinal);
        Assert.Contains("RECONCILER_API_TOKEN (every account), RECONCILER_API_TOKEN__<USER_ID> (one account)", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Plan:", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("unauthorized", result.Out + result.Error, StringComparison.Ordinal);
        Assert.Equal((0, 0), (work.Task(identity).PutCount, work.Task(identity).DetailCount));
        Assert.False(File.Exists(work.StatePath)); // not even the state was opened
    }

    [Fact]
    public async Task Apply_OnlyAnotherAccountsToken_StillPlansAndReportsThatAccountUnauthorized()
    {
        using var work = new ApplyWorkspace(simulator);
        var identity = work.AddTask("a.yaml");
        work.Environment.Remove("RECONCILER_API_TOKEN");
        work.Environment["RECONCILER_API_TOKEN__SOMEONE_ELSE"] = "tok-of-another-account";

        var result = await work.ApplyAsync();

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"no token for account {identity.UserId}", result.Error, StringComparison.Ordinal);
        Assert.Contains("RECONCILER_API_TOKEN", result.Error, StringComparison.Ordinal);
        Assert.Equal((0, 0), (work.Task(identity).PutCount, work.Task(identity).DetailCount));
    }
}
