using Reconciler.Core.Manifests;
using Reconciler.Core.Normalization;
using Reconciler.Core.Planning;
using Reconciler.Core.State;
using Reconciler.Core.Validation;

namespace Reconciler.Core.Tests.Planning;

/// <summary>A fixed scenario with one task for each plan action, shared by planner and golden-file tests.</summary>
internal static class PlanScenario
{
    public static readonly DateTimeOffset AppliedAt = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);

    public static DesiredState Desired() => TestManifests.Desired(
        ("tasks/unchanged.yaml", TestManifests.V2(taskId: "t-unchanged", name: "满意度调查-售后")),
        ("tasks/update.yaml", TestManifests.V2(taskId: "t-update", name: "信用卡逾期提醒-华东").Replace("maximumcall: 2", "maximumcall: 4", StringComparison.Ordinal)),
        ("tasks/adopt.yaml", TestManifests.V2(taskId: "t-adopt", name: "宽带续费回访-11月")),
        ("tasks/invalid.yaml", TestManifests.V2(taskId: "t-invalid", name: "坏任务", spec: "\n  end_action: 1\n  elasticity_type: true")),
        ("tasks/suspended.yaml", TestManifests.V2(taskId: "t-suspended", name: "暂停任务", metadata: "\n  suspend: true")));

    public static IReadOnlyDictionary<TaskIdentity, AppliedRecord> LastApplied()
    {
        var desired = Desired();
        AppliedRecord Record(string taskId, string file, Func<string, string>? edit = null)
        {
            var task = desired.Tasks.Single(t => t.Identity.TaskId == taskId);
            var body = edit is null ? task.Body : CanonicalBody.FromJson(edit(task.Body.Json));
            return new AppliedRecord(task.Identity, body, file, "abc1234", AppliedAt);
        }

        var records = new[]
        {
            Record("t-unchanged", "tasks/unchanged.yaml"),
            Record("t-update", "tasks/update.yaml", json => json
                .Replace("\"maximumcall\":4", "\"maximumcall\":2", StringComparison.Ordinal)
                .Replace("\"name\":", "\"remark\":\"旧备注\",\"name\":", StringComparison.Ordinal)),
            new AppliedRecord(new TaskIdentity(TestManifests.UserId, "t-gone"), CanonicalBody.FromJson("{\"name\":\"已删除任务\"}"), "tasks/gone.yaml", "abc1234", AppliedAt),
        };
        return records.ToDictionary(r => r.Identity);
    }

    public static Plan Plan() => Planner.Plan(Desired(), LastApplied());
}
