using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;
using Reconciler.Core.Reconciling;
using Reconciler.Core.SavedPlans;
using Reconciler.Core.State;
using Reconciler.Core.Validation;

namespace Reconciler.Core.Tests.Reconciling;

/// <summary>The engine with a saved plan: checked against the store it holds the lock of, then applied as saved, or refused before any request.</summary>
public sealed class SavedPlanEngineTests
{
    private const string Endpoint = "https://ai.api.example.cn:443";

    [Fact]
    public async Task PlanSaved_NothingChanged_AppliesExactlyTheSavedEntriesAndBodies()
    {
        var engine = new EngineFixture();
        await engine.PassAsync(EngineFixture.Snapshot(4));
        var changed = EngineFixture.Snapshot(4, name: "改名");
        var saved = await SaveAsync(engine, changed);
        var putsBefore = engine.Api.Puts;

        var verdict = await engine.Engine.PlanSavedAsync(saved, engine.Engine.Evaluate(changed), Endpoint, TimeSpan.FromHours(1), CancellationToken.None);
        var run = await engine.Engine.ApplyAsync(verdict.Pending!, RunTrigger.Cli, null, CancellationToken.None);

        Assert.True(run.Succeeded);
        Assert.Equal(putsBefore + 4, engine.Api.Puts);
        Assert.All(saved.Entries, e => Assert.Equal(e.Body!.Json, engine.Store.Applied[e.Identity].Body.Json));
    }

    [Fact]
    public async Task PlanSaved_StateMoved_IsRefusedBeforeAnyRequest()
    {
        var engine = new EngineFixture();
        await engine.PassAsync(EngineFixture.Snapshot(2));
        var changed = EngineFixture.Snapshot(2, name: "改名");
        var saved = await SaveAsync(engine, changed);
        await engine.Store.ForgetAsync(saved.Entries[0].Identity, CancellationToken.None);
        var calls = engine.Api.Calls.Count;

        var verdict = await engine.Engine.PlanSavedAsync(saved, engine.Engine.Evaluate(changed), Endpoint, TimeSpan.FromHours(1), CancellationToken.None);

        Assert.True(verdict.Refused);
        Assert.Contains(verdict.Stale, s => s.Task is null && s.Reason.StartsWith("the state changed since the plan", StringComparison.Ordinal));
        Assert.Contains(verdict.Stale, s => s.Task == saved.Entries[0].Identity && s.Reason.StartsWith("its last-applied record is gone", StringComparison.Ordinal));
        Assert.Equal(calls, engine.Api.Calls.Count);
    }

    private static async Task<SavedPlan> SaveAsync(EngineFixture engine, SourceSnapshot snapshot)
    {
        await engine.Store.BindEndpointAsync(Endpoint, forgetRecords: false, CancellationToken.None);
        var version = await engine.Store.ReadVersionAsync(CancellationToken.None);
        var pending = await engine.Engine.PlanAsync(snapshot, PlanOptions.Default, CancellationToken.None);
        return SavedPlanBuilder.From(
            pending.Plan,
            version,
            new SavedState(null, 0, Endpoint, "fake"),
            new SavedSource(".", null, null, null, [], [], snapshot.Revision, ManifestDigest.Of(snapshot)),
            new SavedPlanOptions(false, []),
            engine.Clock.GetUtcNow());
    }
}
