using Reconciler.Core.Applying;
using System.Globalization;
using Reconciler.Core.Manifests;
using Reconciler.Core.Normalization;
using Reconciler.Core.Planning;
using Reconciler.Core.State;

namespace Reconciler.Core.Tests.Applying;

/// <summary>Plans built the way the product builds them: real manifests through the pipeline, then the planner.</summary>
internal static class ApplyPlans
{
    public const string Revision = "0123456789abcdef0123456789abcdef01234567";

    public static string TaskId(int i) => $"f232d184-dd54-42a0-8ace-{i.ToString("x12", CultureInfo.InvariantCulture)}";

    public static TaskIdentity Identity(int i) => new(TestManifests.UserId, TaskId(i));

    /// <summary>One manifest per task, files named so the plan order is the task order.</summary>
    public static Plan Adopt(int count, bool stopBeforeUpdate = false, IReadOnlyDictionary<TaskIdentity, AppliedRecord>? inventory = null)
    {
        var metadata = stopBeforeUpdate ? "\n  stop_before_update: true" : "";
        var desired = TestManifests.Desired(Enumerable.Range(0, count)
            .Select(i => ($"tasks/t{i:000}.yaml", TestManifests.V2(taskId: TaskId(i), name: $"任务-{i}", metadata: metadata)))
            .ToArray());
        Assert.Empty(desired.Invalid);
        return Planner.Plan(desired with { Revision = Revision }, inventory ?? new Dictionary<TaskIdentity, AppliedRecord>());
    }

    /// <summary>As if the running-state check had answered for every task that will be PUT.</summary>
    public static Plan WithRemote(Plan plan, bool running) => plan with
    {
        Entries = plan.Entries.Select(e => e.Action.SendsPut() ? RemoteStateChecker.WithRemote(e, new RemoteTaskState(running, running ? "执行中" : "已暂停")) : e).ToList(),
    };

    /// <summary>A record of an older body for task <paramref name="i"/>, so the plan says update.</summary>
    public static AppliedRecord OldRecord(int i) => new(
        Identity(i),
        CanonicalBody.FromJson("""{"name":"旧名字","maximumcall":2}"""),
        $"tasks/t{i:000}.yaml",
        "previous",
        new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
}
