using Reconciler.Core.State;
using Reconciler.Core.Manifests;
using Reconciler.Core.Applying;
using Reconciler.Core.Planning;
using Reconciler.Core.Tests.Planning;

namespace Reconciler.Core.Tests.Rendering;

/// <summary>
/// A fixed pull request for golden files: every action (update, adopt, unmanage, invalid, suspended,
/// unchanged), one update blocked by a running task, one adopt that will stop its running task, and
/// the head and base revisions a PR plan is made between.
/// </summary>
internal static class PullRequestScenario
{
    public const string Head = "4f2c9e1a7b3d5f60718293a4b5c6d7e8f9012345";
    public const string Base = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678";
    public const string PathPrefix = "ops-repo";

    public static Plan Plan()
    {
        var desired = TestManifests.Desired(
            ("tasks/unchanged.yaml", TestManifests.V2(taskId: "t-unchanged", name: "满意度调查-售后")),
            ("tasks/update.yaml", TestManifests.V2(taskId: "t-update", name: "信用卡逾期提醒-华东").Replace("maximumcall: 2", "maximumcall: 4", StringComparison.Ordinal)),
            ("tasks/adopt.yaml", TestManifests.V2(taskId: "t-adopt", name: "宽带续费回访-11月")),
            ("tasks/invalid.yaml", TestManifests.V2(taskId: "t-invalid", name: "坏任务", spec: "\n  end_action: 1\n  elasticity_type: true")),
            ("tasks/suspended.yaml", TestManifests.V2(taskId: "t-suspended", name: "暂停任务", metadata: "\n  suspend: true")),
            ("tasks/stop-first.yaml", TestManifests.V2(taskId: "t-stop", name: "消费贷M1还款提醒", metadata: "\n  stop_before_update: true")));
        var atBase = PlanScenario.LastApplied().Values.ToDictionary(r => r.Identity, r => new BaselineRecord(r.Identity, r.Body, r.SourceFile, Base, null));
        var plan = Planner.Plan(desired, new Baseline(BaselineKind.BaseRevision, Base, atBase, new Dictionary<TaskIdentity, TaskIntent>())) with { Revision = Head };

        // The platform said these two are dialling: one may not be stopped (blocked), one may (will stop).
        var running = new RemoteTaskState(true, "等待执行");
        return plan with
        {
            Entries = plan.Entries.Select(e => e.Identity?.TaskId is "t-update" or "t-stop" ? RemoteStateChecker.WithRemote(e, running) : e).ToList(),
        };
    }
}
