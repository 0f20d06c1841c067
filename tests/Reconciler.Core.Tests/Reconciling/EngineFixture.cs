using Microsoft.Extensions.Time.Testing;
using Reconciler.Core.Manifests;
using Reconciler.Core.Policies;
using Reconciler.Core.Reconciling;
using Reconciler.Core.Tests.Applying;

namespace Reconciler.Core.Tests.Reconciling;

/// <summary>The engine over in-memory fakes (no servers): a scripted API, a state store that remembers every write, a fake clock.</summary>
internal sealed class EngineFixture
{
    public static readonly DateTimeOffset Start = new(2026, 11, 30, 2, 0, 0, TimeSpan.Zero);

    public EngineFixture(SyncSchedule? windows = null, bool runningCheck = true)
    {
        Engine = new Reconciliation(new ReconcileSettings(Parallelism: 2, RunningCheck: runningCheck, SyncWindows: windows), Store, Api, Backoff, Clock);
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    public FakeTaskApi Api { get; } = new();

    public FakeStateStore Store { get; } = new();

    public TaskBackoff Backoff { get; } = new(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(30));

    public Reconciliation Engine { get; }

    /// <summary>Tasks 0..count-1, one file each, as the service would fetch them.</summary>
    public static SourceSnapshot Snapshot(int count, string name = "任务") => new(
        "0123456789abcdef0123456789abcdef01234567",
        Enumerable.Range(0, count)
            .Select(i => ManifestFile.FromText($"tasks/t{i:000}.yaml", TestManifests.V2(taskId: ApplyPlans.TaskId(i), name: $"{name}-{i}")))
            .ToList(),
        []);

    /// <summary>Plans against the live state and applies, as the service's pass does.</summary>
    public async Task<ReconcileRun> PassAsync(SourceSnapshot snapshot, string trigger = "poll")
    {
        var pending = await Engine.PlanAsync(snapshot, CompareWith.LiveState, CancellationToken.None);
        return await Engine.ApplyAsync(pending, trigger, null, CancellationToken.None);
    }
}
