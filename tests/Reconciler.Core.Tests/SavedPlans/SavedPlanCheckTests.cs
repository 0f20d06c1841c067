using Reconciler.Core.Manifests;
using Reconciler.Core.SavedPlans;
using Reconciler.Core.State;
using Reconciler.Core.Tests.Planning;
using static Reconciler.Core.Tests.SavedPlans.SavedPlanSamples;

namespace Reconciler.Core.Tests.SavedPlans;

/// <summary>Every way a saved plan goes stale, each said once, for the whole plan or naming the task.</summary>
public sealed class SavedPlanCheckTests
{
    private static readonly TaskIdentity Update = new(TestManifests.UserId, "t-update");
    private static readonly TaskIdentity Adopt = new(TestManifests.UserId, "t-adopt");
    private static readonly TaskIdentity Gone = new(TestManifests.UserId, "t-gone");

    [Fact]
    public void Check_NothingChanged_IsEmpty()
    {
        Assert.Empty(SavedPlanCheck.Check(Saved(), Now()));
    }

    [Fact]
    public void Check_Older_ThanTheMaximumAge_IsStale()
    {
        var stale = Assert.Single(SavedPlanCheck.Check(Saved(), Now() with { At = MadeAt.AddHours(30) }));

        Assert.Null(stale.Task);
        Assert.Equal("it was made 30 hours ago (2026-12-01 09:00:00Z), longer than the 24 hours a saved plan may wait (--max-plan-age)", stale.Reason);
    }

    [Fact]
    public void Check_AnotherEndpoint_IsStale()
    {
        var stale = Assert.Single(SavedPlanCheck.Check(Saved(), Now() with { Endpoint = "http://127.0.0.1:9" }));

        Assert.Equal($"it was made for the endpoint {Endpoint}; this apply sends to http://127.0.0.1:9 (--api-url)", stale.Reason);
    }

    [Fact]
    public void Check_AnotherState_IsStaleAndNothingElseIsCompared()
    {
        var stale = Assert.Single(SavedPlanCheck.Check(Saved(), Now() with { Version = new StateVersion("ffffffffffffffffffffffffffffffff", 0), Applied = new Dictionary<TaskIdentity, AppliedRecord>() }));

        Assert.Equal($"it was made for another state (store {StoreId} at state/state.db); this state is store ffffffffffffffffffffffffffffffff", stale.Reason);
    }

    [Fact]
    public void Check_MadeWithoutAState_TakesOnlyAStateThatNeverChanged()
    {
        var saved = Saved() with { State = Saved().State with { StoreId = null, Serial = 0 } };

        Assert.DoesNotContain(SavedPlanCheck.Check(saved, Now() with { Version = new StateVersion("new", 0) }), s => s.Task is null);
        Assert.Equal(
            "it was made when there was no state, and this state has changed since (serial 3)",
            Assert.Single(SavedPlanCheck.Check(saved, Now() with { Version = new StateVersion("new", 3) }), s => s.Task is null).Reason);
    }

    [Fact]
    public void Check_StateMoved_IsStaleEvenWhenNoPlannedTaskChanged()
    {
        var stale = Assert.Single(SavedPlanCheck.Check(Saved(), Now() with { Version = SavedPlanSamples.Version with { Serial = 9 } }));

        Assert.Equal("the state changed since the plan (serial 7 → 9): another apply, a takeover, a forget or a rebind wrote to it", stale.Reason);
    }

    [Fact]
    public void Check_RecordsChanged_NamesEachTask()
    {
        var applied = new Dictionary<TaskIdentity, AppliedRecord>(PlanScenario.LastApplied());
        applied[Update] = Record("t-update", "{\"name\":\"别的\"}");
        applied[Adopt] = Record("t-adopt", "{\"name\":\"已采纳\"}");
        applied.Remove(Gone);

        var stale = SavedPlanCheck.Check(Saved(), Now() with { Applied = applied });

        Assert.Equal(
            [
                (Update, "its last-applied body changed since the plan ("),
                (Adopt, "it was applied since the plan, which adopts it"),
                (Gone, "its last-applied record is gone since the plan (forgotten, or the state was re-bound)"),
            ],
            stale.Select(s => (s.Task!, s.Reason.StartsWith("its last-applied body", StringComparison.Ordinal) ? s.Reason[..46] : s.Reason)));
    }

    [Fact]
    public void Check_NowInDoubt_NamesTheTask()
    {
        var intent = new TaskIntent(42, Update, TaskIntent.Update, "h", null, MadeAt.AddMinutes(5));

        var stale = Assert.Single(SavedPlanCheck.Check(Saved(), Now() with { InDoubt = new Dictionary<TaskIdentity, TaskIntent> { [Update] = intent } }));

        Assert.Equal(Update, stale.Task);
        Assert.Equal("an attempt since the plan left it in doubt (2026-12-01 09:05:00Z): the platform may hold another body", stale.Reason);
    }

    [Fact]
    public void Check_ManifestsChanged_NamesEachTaskWithWhatChanged()
    {
        var now = TestManifests.Desired(
            ("tasks/update.yaml", TestManifests.V2(taskId: "t-update", name: "信用卡逾期提醒-华东").Replace("maximumcall: 2", "maximumcall: 6", StringComparison.Ordinal)),
            ("tasks/gone.yaml", TestManifests.V2(taskId: "t-gone", name: "回来了")),
            ("tasks/unchanged.yaml", TestManifests.V2(taskId: "t-unchanged", name: "满意度调查-售后")));

        var stale = SavedPlanCheck.Check(Saved(), Now() with { Desired = now });

        Assert.Equal([Update, Adopt, Gone], stale.Select(s => s.Task!));
        Assert.StartsWith("its manifest changed since the plan (tasks/update.yaml: body ", stale[0].Reason, StringComparison.Ordinal);
        Assert.Equal("its manifest is gone (was tasks/adopt.yaml)", stale[1].Reason);
        Assert.Equal("the plan forgets it, but a manifest claims it again (tasks/gone.yaml:1:1)", stale[2].Reason);
        Assert.Equal($"{Update} (信用卡逾期提醒-华东): {stale[0].Reason}", stale[0].ToString());
    }

    [Fact]
    public void Check_UnmanageWhileAFileIsInvalidNow_IsStale()
    {
        var now = TestManifests.Desired(
            ("tasks/update.yaml", TestManifests.V2(taskId: "t-update", name: "信用卡逾期提醒-华东").Replace("maximumcall: 2", "maximumcall: 4", StringComparison.Ordinal)),
            ("tasks/adopt.yaml", TestManifests.V2(taskId: "t-adopt", name: "宽带续费回访-11月")),
            ("tasks/broken.yaml", "spec: [unclosed"));

        var stale = Assert.Single(SavedPlanCheck.Check(Saved(), Now() with { Desired = now }));

        Assert.Equal(Gone, stale.Task);
        Assert.StartsWith("the plan forgets it, but the manifests are not complete now (1 file(s) or folder(s)", stale.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ManifestSuspendedOrStopAllowed_IsStale()
    {
        var now = TestManifests.Desired(
            ("tasks/update.yaml", TestManifests.V2(taskId: "t-update", name: "信用卡逾期提醒-华东", metadata: "\n  suspend: true").Replace("maximumcall: 2", "maximumcall: 4", StringComparison.Ordinal)),
            ("tasks/adopt.yaml", TestManifests.V2(taskId: "t-adopt", name: "宽带续费回访-11月", metadata: "\n  stop_before_update: true")));

        var stale = SavedPlanCheck.Check(Saved(), Now() with { Desired = now });

        Assert.Equal(
            ["its manifest is suspended now (tasks/update.yaml:1:1)", "metadata.stop_before_update changed since the plan (now true)"],
            stale.Select(s => s.Reason));
    }
}
