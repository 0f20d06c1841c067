using Reconciler.Core.Manifests;
using Reconciler.Core.Normalization;
using Reconciler.Core.Planning;
using Reconciler.Core.Reconciling;
using Reconciler.Core.State;
using Reconciler.Core.Tests.Reconciling;

namespace Reconciler.Core.Tests.Planning;

/// <summary>After validation, a record equal to its manifest takes the manifest's body (held once); a changed one keeps its own.</summary>
public sealed class BodySharingTests
{
    private static readonly TaskIdentity Identity = new(TestManifests.UserId, TestManifests.TaskId);

    [Fact]
    public void Share_BodyEqualToTheRecordedOne_TakesTheTasksObjects()
    {
        var task = Assert.Single(TestManifests.Evaluate(TestManifests.V2()).Tasks);
        var recorded = new CanonicalBody(task.Body.Json, task.Body.Hash);

        var shared = new BodySharing([task]).Share(Inventory(recorded)[Identity]);

        Assert.Same(task.Body, shared.Body);
        Assert.Same(task.Identity, shared.Identity);
    }

    [Fact]
    public void Share_BodyDifferentFromTheRecordedOne_KeepsTheRecord()
    {
        var task = Assert.Single(TestManifests.Evaluate(TestManifests.V2()).Tasks);
        var inventory = Inventory(CanonicalBody.FromJson("""{"name":"before"}"""));

        var shared = new BodySharing([task]).Share(inventory[Identity]);

        Assert.Same(inventory[Identity], shared);
    }

    [Fact]
    public async Task PlanAsync_AgainstTheLiveState_HoldsEachUnchangedBodyOnce()
    {
        var fixture = new EngineFixture(runningCheck: false);
        await fixture.PassAsync(EngineFixture.Snapshot(3));

        // A new engine evaluates anew: its bodies are new objects, equal to the recorded ones.
        var plan = (await new PlanningEngine(new ReconcileSettings(), fixture.Store).PlanAsync(EngineFixture.Snapshot(3), CompareWith.LiveState, PlanOptions.Default, CancellationToken.None)).Plan;

        Assert.All(plan.Entries, e => Assert.Equal(PlanAction.Unchanged, e.Action));
        Assert.All(plan.Entries, e => Assert.Same(e.Desired?.Body, e.Baseline?.Body));
    }

    private static Dictionary<TaskIdentity, AppliedRecord> Inventory(CanonicalBody body) =>
        new() { [Identity] = new AppliedRecord(new TaskIdentity(TestManifests.UserId, TestManifests.TaskId), body, "tasks/a.yaml", null, DateTimeOffset.UnixEpoch) };
}
