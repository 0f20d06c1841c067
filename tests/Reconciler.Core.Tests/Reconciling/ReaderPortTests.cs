using Microsoft.Extensions.Time.Testing;
using Reconciler.Core.Applying;
using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;
using Reconciler.Core.Reconciling;
using Reconciler.Core.Tests.Applying;

namespace Reconciler.Core.Tests.Reconciling;

/// <summary>The planning engine holds the platform's reads only (<see cref="ITaskReader"/>): it checks and refreshes, and has nothing to write with.</summary>
public sealed class ReaderPortTests
{
    [Fact]
    public async Task PlanAsync_WithAReaderOnly_ChecksRunningTasksAndSendsNothing()
    {
        var api = new FakeTaskApi();
        api.RunningTasks.Add(ApplyPlans.Identity(0));
        var engine = new PlanningEngine(new ReconcileSettings(RunningCheck: true), new FakeStateStore(), new ReadsOnly(api), new FakeTimeProvider(EngineFixture.Start));

        var plan = (await engine.PlanAsync(EngineFixture.Snapshot(2), CompareWith.LiveState, PlanOptions.Default, CancellationToken.None)).Plan;

        Assert.Equal(DeferralKind.Running, plan.Entries.Single(e => e.Identity == ApplyPlans.Identity(0)).Deferral?.Kind);
        Assert.Equal(["state", "state"], api.Calls.Select(c => c.Operation)); // two reads, no PUT
    }

    [Fact]
    public async Task PlanAsync_RefreshWithAReaderOnly_ReadsEveryTask()
    {
        var api = new FakeTaskApi();
        var engine = new PlanningEngine(new ReconcileSettings(RunningCheck: false), new FakeStateStore(), new ReadsOnly(api), new FakeTimeProvider(EngineFixture.Start));

        var plan = (await engine.PlanAsync(EngineFixture.Snapshot(2), CompareWith.LiveState, PlanOptions.Default with { Refresh = true }, CancellationToken.None)).Plan;

        Assert.Equal(2, plan.Entries.Count);
        Assert.Equal(["state", "state"], api.Calls.Select(c => c.Operation)); // each task's detail read once, no PUT
    }

    /// <summary>A reader that is not an <see cref="ITaskApi"/>: the engine compiles and works with it.</summary>
    private sealed class ReadsOnly(ITaskReader inner) : ITaskReader
    {
        public Task<RemoteTaskState?> GetTaskStateAsync(TaskIdentity identity, string? subUserId, CancellationToken cancellationToken) =>
            inner.GetTaskStateAsync(identity, subUserId, cancellationToken);

        public Task<RemoteTaskRead> ReadTaskAsync(TaskIdentity identity, string? subUserId, CancellationToken cancellationToken) =>
            inner.ReadTaskAsync(identity, subUserId, cancellationToken);

        public Task<TaskListRead> ListTasksAsync(TaskListQuery query, CancellationToken cancellationToken) =>
            inner.ListTasksAsync(query, cancellationToken);
    }
}
