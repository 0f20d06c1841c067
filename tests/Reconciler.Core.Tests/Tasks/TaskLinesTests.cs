using Reconciler.Core.Applying;
using Reconciler.Core.Ledger;
using Reconciler.Core.Manifests;
using Reconciler.Core.Normalization;
using Reconciler.Core.Planning;
using Reconciler.Core.Policies;
using Reconciler.Core.State;
using Reconciler.Core.Tasks;
using static Reconciler.Core.Tests.Ledger.LedgerRuns;

namespace Reconciler.Core.Tests.Tasks;

/// <summary>
/// The task lines held for <c>/status</c>: a task in sync with nothing remembered is held as its manifest and written
/// out when read, so every line must equal the one written in full (<see cref="TaskStandings.DeriveInFull"/>).
/// </summary>
public sealed class TaskLinesTests
{
    [Fact]
    public void Derive_MixedPlan_EveryLineEqualsTheLineWrittenInFull()
    {
        var (plan, report, ledger) = MixedRun();

        var lines = TaskStandings.Derive(plan, report, ledger);

        var full = TaskStandings.DeriveInFull(plan, report, ledger);
        Assert.Equal(full.Count, lines.Count);
        Assert.Equal(full, lines);
        Assert.Equal(full, Enumerable.Range(0, lines.Count).Select(i => lines[i]));
        Assert.Equal(
            [TaskState.InSync, TaskState.InSync, TaskState.InSync, TaskState.InSync, TaskState.Applied],
            lines.Select(l => l.State));
    }

    [Fact]
    public void Derive_MixedPlan_KeepsTheFullLinesWhereThereIsMoreToSay()
    {
        var (plan, report, ledger) = MixedRun();

        var lines = TaskStandings.Derive(plan, report, ledger);

        // The task with a backoff in the ledger keeps its attempts, the applied one its code.
        Assert.Equal(1, lines[1].Failures);
        Assert.NotNull(lines[1].LastAttemptAt);
        Assert.Equal(200, lines[4].ApiCode);
        Assert.Equal("tasks/t-4.yaml", lines[3].File);
    }

    [Fact]
    public void WithLastReads_SomeTasksRead_EqualsTheFullLinesWithTheirReadTimes()
    {
        var (plan, report, ledger) = MixedRun();
        var reads = new Dictionary<TaskIdentity, DateTimeOffset> { [Id(1)] = T0.AddMinutes(1), [Id(2)] = T0.AddMinutes(2), [Id(5)] = T0.AddMinutes(5) };

        var lines = TaskStandings.Derive(plan, report, ledger).WithLastReads(id => reads.TryGetValue(id, out var at) ? at : null);

        var expected = TaskStandings.DeriveInFull(plan, report, ledger)
            .Select(t => reads.TryGetValue(new TaskIdentity(t.UserId!, t.TaskId!), out var at) ? t with { LastReadAt = at } : t);
        Assert.Equal(expected, lines);
        Assert.Null(lines[2].LastReadAt);
    }

    [Fact]
    public void WithLastReads_NoTaskRead_ChangesNoLine()
    {
        var (plan, report, ledger) = MixedRun();

        var lines = TaskStandings.Derive(plan, report, ledger).WithLastReads(_ => null);

        Assert.Equal(TaskStandings.DeriveInFull(plan, report, ledger), lines);
    }

    /// <summary>
    /// Five tasks: 1 and 3 unchanged as the planner writes them; 2 unchanged with a backoff in the ledger given; 4 unchanged
    /// but named otherwise than its manifest; 5 updated and applied in this run.
    /// </summary>
    private static (Plan Plan, ApplyReport Report, TaskLedger Ledger) MixedRun()
    {
        var blocked = Entry("{\"name\":\"b\"}", Id(2));
        var ledger = EmptyLedger.After(Attempt(T0, blocked, ApplyOutcome.Blocked, 6007, "2.0任务启动中,请先停止任务"));
        var renamed = Unchanged(Manifest(4)) with { Name = "另一个名字" };
        var applied = Entry("{\"name\":\"e\"}", Id(5));
        var result = new TaskApplyResult(applied, ApplyOutcome.Applied, 200, null, TimeSpan.Zero);
        var plan = new Plan([Unchanged(Manifest(1)), Unchanged(Manifest(2)), Unchanged(Manifest(3)), renamed, applied], "r2");
        var report = new ApplyReport([result], 0);

        // The ledger as it stood before this run: it still remembers task 2's backoff (after the run it would not).
        return (plan, report, ledger);
    }

    private static TaskIdentity Id(int n) => new("u-1", $"t-{n}");

    private static TaskManifest Manifest(int n) =>
        new(Id(n), ApiFlavour.V2, $"任务 {n}", CanonicalBody.FromJson($"{{\"name\":\"任务 {n}\"}}"), false, false, new Diagnostics.SourceLocation($"tasks/t-{n}.yaml", 1, 1), []);

    /// <summary>As <see cref="Planner"/> writes an unchanged entry.</summary>
    private static PlanEntry Unchanged(TaskManifest task) =>
        new(PlanAction.Unchanged, task.Identity, task.Name, task.Location, [], task.Warnings) { Desired = task };
}
