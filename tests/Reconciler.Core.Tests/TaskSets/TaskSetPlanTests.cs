using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;
using Reconciler.Core.Planning.Grouping;
using Reconciler.Core.Reconciling;
using Reconciler.Core.Rendering;
using Reconciler.Core.Tests.Reconciling;

namespace Reconciler.Core.Tests.TaskSets;

/// <summary>Sets through the engine: plans read as sets (each entry names its set), a template change touches every task, targets take a set.</summary>
public sealed class TaskSetPlanTests
{
    private static SourceSnapshot Snapshot(int items, string template = "", string revision = "0123456789abcdef0123456789abcdef01234567", string extraRows = "") =>
        TaskSetFixtures.Snapshot(
            [("tasks/east.yaml", TaskSetFixtures.FromCsv(template: template)), ("tasks/plain.yaml", TestManifests.V2(taskId: "plain-1"))],
            [("tasks/east.csv", "task_id,name\n" + string.Concat(Enumerable.Range(0, items).Select(i => $"t-{i:0000},名称-{i}\n")) + extraRows)],
            contentIds: true) with { Revision = revision };

    [Fact]
    [Trait("Category", "Slow")]
    public async Task TemplateChange_OverTwoThousandItems_IsTwoThousandUpdatesAndPuts()
    {
        var engine = new EngineFixture(runningCheck: false);
        var first = await engine.PassAsync(Snapshot(2_000));
        Assert.Equal(2_001, engine.Api.Puts);
        Assert.Equal(2_001, first.Report!.Results.Count);

        var changed = await engine.Engine.PlanAsync(Snapshot(2_000, template: "\n      redial_interval: 30"), PlanOptions.Default, CancellationToken.None);

        var updates = changed.Plan.Entries.Where(e => e.Action == PlanAction.Update).ToList();
        Assert.Equal(2_000, updates.Count);
        Assert.All(updates, e => Assert.Equal("collections-east", e.SetName));
        Assert.All(updates, e => Assert.Equal("/task_extras/redial_interval", Assert.Single(e.Changes).Path));
        Assert.Equal(PlanAction.Unchanged, changed.Plan.Entries.Single(e => e.Identity!.TaskId == "plain-1").Action);
        var group = Assert.Single(PlanGrouping.Of(changed.Plan).Groups);
        Assert.Equal(2_000, group.Count);
        Assert.All(group.Members, e => Assert.Equal("collections-east", e.SetName));

        var run = await engine.Engine.ApplyAsync(changed, RunTrigger.Poll, null, CancellationToken.None);

        Assert.Equal(4_001, engine.Api.Puts);
        Assert.Equal(2_000, run.Report!.Results.Count(r => r.Outcome == State.ApplyOutcome.Applied));
        Assert.All(engine.Store.Applied.Values.Where(r => r.Identity.TaskId.StartsWith("t-", StringComparison.Ordinal)), r => Assert.Equal("collections-east", r.SetName));
    }

    [Fact]
    public async Task TemplateChange_IsOneGroupInThePlan_AndAnItemChangedWithItStandsAlone()
    {
        var engine = new EngineFixture(runningCheck: false);
        await engine.PassAsync(Snapshot(30));
        var csv = "task_id,name\n" + string.Concat(Enumerable.Range(0, 30).Select(i => $"t-{i:0000},名称-{(i == 7 ? "改" : i)}\n"));

        var changed = await engine.Engine.PlanAsync(
            TaskSetFixtures.Snapshot([("tasks/east.yaml", TaskSetFixtures.FromCsv(template: "\n      redial_interval: 30")), ("tasks/plain.yaml", TestManifests.V2(taskId: "plain-1"))], [("tasks/east.csv", csv)]),
            PlanOptions.Default,
            CancellationToken.None);
        var grouped = PlanGrouping.Of(changed.Plan);
        var text = new TextPlanRenderer().Render(changed.Plan);

        var group = Assert.Single(grouped.Groups);
        Assert.Equal(29, group.Count);
        Assert.Equal(["/task_extras/redial_interval"], group.Paths);
        var alone = Assert.IsType<PlanEntry>(Assert.Single(grouped.Distinct));
        Assert.Equal("t-0007", alone.Identity!.TaskId);
        Assert.Equal(["/name", "/task_extras/redial_interval"], alone.Changes.Select(c => c.Path).Order(StringComparer.Ordinal));
        Assert.Contains("29 tasks in 1 account", text, StringComparison.Ordinal);
        Assert.Contains("tasks/east.csv:9:1", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ItemChange_IsOneUpdate()
    {
        var engine = new EngineFixture(runningCheck: false);
        await engine.PassAsync(Snapshot(20));

        var changed = await engine.Engine.PlanAsync(
            TaskSetFixtures.Snapshot([("tasks/east.yaml", TaskSetFixtures.FromCsv()), ("tasks/plain.yaml", TestManifests.V2(taskId: "plain-1"))], [("tasks/east.csv", "task_id,name\n" + string.Concat(Enumerable.Range(0, 20).Select(i => $"t-{i:0000},名称-{(i == 7 ? "改" : i)}\n")))]),
            PlanOptions.Default,
            CancellationToken.None);

        var update = Assert.Single(changed.Plan.Entries, e => e.Action == PlanAction.Update);
        Assert.Equal("t-0007", update.Identity!.TaskId);
        Assert.Equal(new Diagnostics.SourceLocation("tasks/east.csv", 9, 1), update.Location);
    }

    [Fact]
    public async Task Target_SetName_PlansEveryTaskOfTheSetAndNothingElse()
    {
        var engine = new EngineFixture(runningCheck: false);

        var pending = await engine.Engine.PlanAsync(Snapshot(30), new PlanOptions(Targets: ["collections-east"]), CancellationToken.None);

        Assert.Empty(pending.UnmatchedTargets);
        Assert.Equal(30, pending.Plan.Entries.Count);
        Assert.All(pending.Plan.Entries, e => Assert.Equal("collections-east", e.SetName));
    }

    [Fact]
    public async Task Target_OneTaskOfASet_PlansThatTaskOnly()
    {
        var engine = new EngineFixture(runningCheck: false);

        var pending = await engine.Engine.PlanAsync(Snapshot(30), new PlanOptions(Targets: ["t-0004", "tasks/plain.yaml"]), CancellationToken.None);

        Assert.Equal(["plain-1", "t-0004"], pending.Plan.Entries.Select(e => e.Identity!.TaskId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ItemRemovedFromTheCsv_IsUnmanagedWithItsSetName()
    {
        var engine = new EngineFixture(runningCheck: false);
        await engine.PassAsync(Snapshot(5));

        var pending = await engine.Engine.PlanAsync(Snapshot(4), PlanOptions.Default, CancellationToken.None);

        var gone = Assert.Single(pending.Plan.Entries, e => e.Action == PlanAction.Unmanage);
        Assert.Equal("t-0004", gone.Identity!.TaskId);
        Assert.Equal("collections-east", gone.SetName);
        Assert.Equal("tasks/east.yaml", gone.File);
    }

    [Fact]
    public async Task BrokenCsv_UnmanagesNothing()
    {
        var engine = new EngineFixture(runningCheck: false);
        await engine.PassAsync(Snapshot(5));

        var pending = await engine.Engine.PlanAsync(Snapshot(5, extraRows: "\"never closed\n"), PlanOptions.Default, CancellationToken.None);
        var broken = await engine.Engine.PlanAsync(TaskSetFixtures.Snapshot([("tasks/east.yaml", TaskSetFixtures.FromCsv()), ("tasks/plain.yaml", TestManifests.V2(taskId: "plain-1"))], [("tasks/east.csv", "nme\n")]), PlanOptions.Default, CancellationToken.None);

        Assert.DoesNotContain(pending.Plan.Entries, e => e.Action == PlanAction.Unmanage);
        Assert.DoesNotContain(broken.Plan.Entries, e => e.Action == PlanAction.Unmanage);
        Assert.Equal(PlanAction.Invalid, Assert.Single(broken.Plan.Rows, e => e.Action != PlanAction.Unchanged).Action);
    }

    [Fact]
    public async Task BaseRevision_ChangedCsv_PlansTheChangedRowsOnly()
    {
        var engine = new PlanningEngine(new ReconcileSettings());
        var head = TaskSetFixtures.Snapshot([("tasks/east.yaml", TaskSetFixtures.FromCsv())], [("tasks/east.csv", "task_id,name\nt-1,甲\nt-2,乙改\nt-3,丙\n")]);
        var @base = TaskSetFixtures.Snapshot([("tasks/east.yaml", TaskSetFixtures.FromCsv())], [("tasks/east.csv", "task_id,name\nt-1,甲\nt-2,乙\n")]) with { Revision = "base" };

        var pending = await engine.PlanAsync(head, CompareWith.BaseRevision(@base), PlanOptions.Default, CancellationToken.None);

        Assert.Equal(
            [(PlanAction.Update, "t-2"), (PlanAction.Adopt, "t-3"), (PlanAction.Unchanged, "t-1")],
            pending.Plan.Entries.Select(e => (e.Action, e.Identity!.TaskId)));
        Assert.All(pending.Plan.Entries, e => Assert.Equal("collections-east", e.SetName));
    }
}
