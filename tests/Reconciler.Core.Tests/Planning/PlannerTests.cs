using Reconciler.Core.Applying;
using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;
using Reconciler.Core.State;
using Reconciler.Core.Validation;

namespace Reconciler.Core.Tests.Planning;

public sealed class PlannerTests
{
    private static readonly IReadOnlyDictionary<TaskIdentity, AppliedRecord> Empty = new Dictionary<TaskIdentity, AppliedRecord>();

    private static PlanEntry EntryFor(Plan plan, string taskId) => plan.Entries.Single(e => e.Identity?.TaskId == taskId);

    [Fact]
    public void Plan_Scenario_HasOneEntryPerAction()
    {
        var plan = PlanScenario.Plan();
        Assert.Equal(PlanAction.Unchanged, EntryFor(plan, "t-unchanged").Action);
        Assert.Equal(PlanAction.Update, EntryFor(plan, "t-update").Action);
        Assert.Equal(PlanAction.Adopt, EntryFor(plan, "t-adopt").Action);
        Assert.Equal(PlanAction.Invalid, EntryFor(plan, "t-invalid").Action);
        Assert.Equal(PlanAction.Suspended, EntryFor(plan, "t-suspended").Action);
        Assert.Equal(PlanAction.Unmanage, EntryFor(plan, "t-gone").Action);
        Assert.Equal("Plan: 1 to update, 1 to adopt, 1 to unmanage, 1 invalid, 1 unchanged, 1 suspended.", plan.Summary.ToString());
    }

    [Fact]
    public void Plan_EmptyState_AdoptsEveryValidTask()
    {
        var plan = Planner.Plan(PlanScenario.Desired(), Empty);
        Assert.Equal(3, plan.Summary.Adopt);
        Assert.Equal(0, plan.Summary.Unchanged);
    }

    [Fact]
    public void Plan_ChangedField_ListsPathOldAndNew()
    {
        var update = EntryFor(PlanScenario.Plan(), "t-update");
        Assert.Contains(new FieldChange("/maximumcall", "2", "4"), update.Changes);
        Assert.Contains(new FieldChange("/remark", "\"旧备注\"", null), update.Changes);
    }

    [Fact]
    public void Plan_FieldAppliedBeforeAndNowOmitted_IsWarned()
    {
        var warning = Assert.Single(EntryFor(PlanScenario.Plan(), "t-update").Warnings);
        Assert.Equal("field-omitted", warning.Code);
        Assert.Equal("/spec/remark", warning.JsonPath);
        Assert.Equal("remark was applied before and is now omitted: the API document does not say whether the platform keeps or clears a field it is not sent, so its value on the platform after this update is unknown; set it explicitly to be sure", warning.Message);
    }

    [Fact]
    public void Plan_BridgeGroupAppliedBeforeAndNowOmitted_SaysTheTransferGroupIsCleared()
    {
        var desired = TestManifests.Desired(("tasks/a.yaml", TestManifests.V2()));
        var task = desired.Tasks[0];
        var before = Core.Normalization.CanonicalBody.FromJson("{\"bridge_group_id\":7," + task.Body.Json[1..]);
        var record = new AppliedRecord(task.Identity, before, "tasks/a.yaml", null, PlanScenario.AppliedAt);

        var warning = Assert.Single(Planner.Plan(desired, new Dictionary<TaskIdentity, AppliedRecord> { [task.Identity] = record }).Entries[0].Warnings);

        Assert.Equal("/spec/bridge_group_id", warning.JsonPath);
        Assert.Contains("omitting this key means empty (不传这个键,则表示为空), so this update clears the task's transfer group", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_TaskRemovedFromRepo_IsUnmanaged()
    {
        var gone = EntryFor(PlanScenario.Plan(), "t-gone");
        Assert.Equal("tasks/gone.yaml", gone.File);
        Assert.NotNull(gone.Baseline);
    }

    [Fact]
    public void Plan_InvalidManifestOfTrackedTask_IsNotUnmanaged()
    {
        var before = TestManifests.Desired(("tasks/a.yaml", TestManifests.V2()));
        var record = new AppliedRecord(before.Tasks[0].Identity, before.Tasks[0].Body, "tasks/a.yaml", null, PlanScenario.AppliedAt);
        var broken = TestManifests.Desired(("tasks/a.yaml", TestManifests.V2(spec: "\n  end_action: 1\n  elasticity_type: true")));
        var plan = Planner.Plan(broken, new Dictionary<TaskIdentity, AppliedRecord> { [record.Identity] = record });
        Assert.Equal(PlanAction.Invalid, Assert.Single(plan.Entries).Action);
    }

    [Fact]
    public void Plan_UnreadableFileOfTrackedTask_IsNotUnmanaged()
    {
        var before = TestManifests.Desired(("tasks/a.yaml", TestManifests.V2()));
        var record = new AppliedRecord(before.Tasks[0].Identity, before.Tasks[0].Body, "tasks/a.yaml", null, PlanScenario.AppliedAt);
        var broken = TestManifests.Desired(("tasks/a.yaml", "apiVersion: [\n"));
        var plan = Planner.Plan(broken, new Dictionary<TaskIdentity, AppliedRecord> { [record.Identity] = record });
        // It names no task, so it is a problem of the plan beside the entries, and it keeps its file's record managed.
        Assert.Empty(plan.Entries);
        var document = Assert.Single(plan.UnidentifiedDocuments);
        Assert.Equal("tasks/a.yaml", document.File);
        Assert.Equal(PlanAction.Invalid, Assert.Single(plan.Rows).Action);
        Assert.Equal(1, plan.Summary.Invalid);
        Assert.True(plan.HasErrors);
    }

    [Fact]
    public void Plan_TaskGoneFromACompleteValidTree_IsUnmanagedNow()
    {
        var (record, _) = Tracked("tasks/a.yaml");
        var plan = Planner.Plan(TestManifests.Desired(("tasks/b.yaml", TestManifests.V2(taskId: "b"))), new Dictionary<TaskIdentity, AppliedRecord> { [record.Identity] = record });

        var gone = plan.Entries.Single(e => e.Action == PlanAction.Unmanage);
        Assert.Null(gone.Deferral);
    }

    [Fact]
    public void Plan_AnotherFileUnreadable_HoldsEveryUnmanageAndSaysWhy()
    {
        // Issue 20: t.yaml applied, then renamed to a name that is not UTF-8; the listing reports that file, and the
        // task it holds must not be forgotten as "manifest gone".
        var (record, _) = Tracked("tasks/t.yaml");
        var unreadable = Core.Diagnostics.Diagnostic.Error("file-name", "file name is not valid UTF-8", Core.Diagnostics.SourceLocation.StartOf("tasks/t\\xFF.yaml"));
        var desired = DesiredState.Build([TestManifests.Evaluate(TestManifests.V2(taskId: "b"), "tasks/b.yaml")], [unreadable]);

        var plan = Planner.Plan(desired, new Dictionary<TaskIdentity, AppliedRecord> { [record.Identity] = record });

        var kept = plan.Entries.Single(e => e.Action == PlanAction.Unmanage);
        Assert.Equal(DeferralKind.SourceIncomplete, kept.Deferral?.Kind);
        Assert.Equal("1 file(s) or folder(s) could not be read or hold an invalid manifest (listed as invalid in this plan); nothing is unmanaged until every file is read and valid", kept.Deferral!.Reason);
    }

    [Fact]
    public void Plan_AnotherFileInvalid_HoldsEveryUnmanage()
    {
        var (first, _) = Tracked("tasks/a.yaml", "a");
        var (second, _) = Tracked("tasks/c.yaml", "c");
        var desired = TestManifests.Desired(("tasks/b.yaml", TestManifests.V2(taskId: "b", name: "\"   \"")));

        var plan = Planner.Plan(desired, new Dictionary<TaskIdentity, AppliedRecord> { [first.Identity] = first, [second.Identity] = second });

        Assert.All(plan.Entries.Where(e => e.Action == PlanAction.Unmanage), e => Assert.Equal("source_incomplete", e.Deferral?.Word));
        Assert.Equal(2, plan.Entries.Count(e => e.Action == PlanAction.Unmanage));
    }

    private static (AppliedRecord Record, TaskManifest Task) Tracked(string file, string taskId = "t")
    {
        var task = TestManifests.Desired((file, TestManifests.V2(taskId: taskId))).Tasks[0];
        return (new AppliedRecord(task.Identity, task.Body, file, null, PlanScenario.AppliedAt), task);
    }

    [Fact]
    public void Plan_SameInputs_SameOrder()
    {
        var first = PlanScenario.Plan().Entries.Select(e => (e.Action, e.Identity));
        var second = Planner.Plan(PlanScenario.Desired(), PlanScenario.LastApplied().Reverse().ToDictionary()).Entries.Select(e => (e.Action, e.Identity));
        Assert.Equal(first, second);
        Assert.Equal(PlanAction.Invalid, PlanScenario.Plan().Entries[0].Action);
    }

    [Fact]
    public void Plan_RunningTask_IsBlockedUnlessStopAllowed()
    {
        var desired = TestManifests.Desired(("a.yaml", TestManifests.V2(taskId: "t1")), ("b.yaml", TestManifests.V2(taskId: "t2", metadata: "\n  stop_before_update: true")));
        var plan = Planner.Plan(desired, Empty);
        var running = new RemoteTaskState(true, "等待执行");
        Assert.True(RemoteStateChecker.WithRemote(EntryFor(plan, "t1"), running).IsBlockedByRunningTask);
        Assert.True(RemoteStateChecker.WithRemote(EntryFor(plan, "t2"), running).WillStopTask);
        Assert.False(RemoteStateChecker.WithRemote(EntryFor(plan, "t2"), running).IsBlockedByRunningTask);
    }
}
