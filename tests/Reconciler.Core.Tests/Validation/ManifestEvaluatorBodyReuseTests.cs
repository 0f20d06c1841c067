using Reconciler.Core.Manifests;
using Reconciler.Core.Normalization;
using Reconciler.Core.State;
using Reconciler.Core.Validation;
using Xunit;

namespace Reconciler.Core.Tests.Validation;

/// <summary>With the inventory given first, an unchanged task's body is the recorded object itself (held once), a changed one is its own.</summary>
public sealed class ManifestEvaluatorBodyReuseTests
{
    private static readonly TaskIdentity Identity = new(TestManifests.UserId, TestManifests.TaskId);

    [Fact]
    public void Evaluate_BodyEqualToTheRecordedOne_IsTheRecordedObject()
    {
        var body = Assert.Single(TestManifests.Evaluate(TestManifests.V2()).Tasks).Body;
        var recorded = new CanonicalBody(body.Json, body.Hash);
        var evaluator = new ManifestEvaluator { LastApplied = Inventory(recorded) };

        var task = Assert.Single(evaluator.Evaluate(ManifestFile.FromText("tasks/a.yaml", TestManifests.V2())).Tasks);

        Assert.Same(recorded, task.Body);
    }

    [Fact]
    public void Evaluate_BodyDifferentFromTheRecordedOne_IsItsOwn()
    {
        var recorded = CanonicalBody.FromJson("""{"name":"before"}""");
        var evaluator = new ManifestEvaluator { LastApplied = Inventory(recorded) };

        var task = Assert.Single(evaluator.Evaluate(ManifestFile.FromText("tasks/a.yaml", TestManifests.V2())).Tasks);

        Assert.NotSame(recorded, task.Body);
        Assert.Equal(Assert.Single(TestManifests.Evaluate(TestManifests.V2()).Tasks).Body, task.Body);
    }

    private static Dictionary<TaskIdentity, AppliedRecord> Inventory(CanonicalBody body) =>
        new() { [Identity] = new AppliedRecord(Identity, body, "tasks/a.yaml", null, DateTimeOffset.UnixEpoch) };
}
