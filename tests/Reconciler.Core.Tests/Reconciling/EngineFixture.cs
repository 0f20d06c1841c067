using Microsoft.Extensions.Time.Testing;
using Reconciler.Core.Manifests;
using Reconciler.Core.Ledger;
using Reconciler.Core.Policies;
using Reconciler.Core.Reconciling;
using Reconciler.Core.Tests.Applying;

namespace Reconciler.Core.Tests.Reconciling;

/// <summary>The engine over in-memory fakes (no servers): a scripted API, a state store that remembers every write, a fake clock.</summary>
internal sealed class EngineFixture
{
    public static readonly DateTimeOffset Start = new(2026, 11, 30, 2, 0, 0, TimeSpan.Zero);

    public EngineFixture(SyncSchedule? windows = null, bool runningCheck = true, int parallelism = 2, TimeSpan? readBudget = null)
    {
        Engine = new Reconciliation(new ReconcileSettings(Parallelism: parallelism, RunningCheck: runningCheck, SyncWindows: windows, ReadBudget: readBudget), Store, Api, Clock);
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    public FakeTaskApi Api { get; } = new();

    public FakeStateStore Store { get; } = new();

    /// <summary>What is remembered of each task, as the service keeps it: each pass plans with it and takes its run in.</summary>
    public TaskLedger Ledger { get; private set; } = new(new RetryPolicy(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(30)));

    public Reconciliation Engine { get; }

    /// <summary>Tasks 0..count-1, one file each, as the service would fetch them.</summary>
    public static SourceSnapshot Snapshot(int count, string name = "任务") => new(
        "0123456789abcdef0123456789abcdef01234567",
        Enumerable.Range(0, count)
            .Select(i => ManifestFile.FromText($"tasks/t{i:000}.yaml", TestManifests.V2(taskId: ApplyPlans.TaskId(i), name: $"{name}-{i}")))
            .ToList(),
        []);

    /// <summary>Plans against the live state with the ledger and applies, then takes the run into the ledger, as the service's pass does.</summary>
    public async Task<ReconcileRun> PassAsync(SourceSnapshot snapshot, RunTrigger trigger = RunTrigger.Poll)
    {
        var pending = await Engine.PlanAsync(snapshot, new PlanOptions(Ledger: Ledger), CancellationToken.None);
        var run = await Engine.ApplyAsync(pending, trigger, null, CancellationToken.None);
        Ledger = Ledger.After(run);
        return run;
    }
}
