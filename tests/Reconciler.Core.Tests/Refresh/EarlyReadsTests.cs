using System.Text.Json.Nodes;
using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;
using Reconciler.Core.Reconciling;
using Reconciler.Core.Refresh;
using Reconciler.Core.Rendering;
using Reconciler.Core.Tests.Applying;
using Reconciler.Core.Tests.Reconciling;

namespace Reconciler.Core.Tests.Refresh;

/// <summary>
/// A refresh of every task reads the recorded tasks while the manifests are evaluated (<see cref="EarlyReads"/>): the
/// plan is the one the refresh made when every read followed the evaluation (a selection of all tasks still takes that
/// path), and each task is read once, except a task whose account changed (read early for the old one, again for the new).
/// </summary>
public sealed class EarlyReadsTests
{
    [Fact]
    public async Task PlanAsync_RefreshOfEveryTask_GivesThePlanOfReadsAfterEvaluation()
    {
        var early = await RefreshedAsync(selection: null);
        var after = await RefreshedAsync(new EveryTask());

        Assert.Equal(new JsonPlanRenderer().Render(after.Plan), new JsonPlanRenderer().Render(early.Plan));
        Assert.Equal(PlanAction.Update, early.Plan.Entries.Single(e => e.Identity == ApplyPlans.Identity(0)).Action); // the drift was found
        Assert.Equal(UpdateReason.Drift, early.Plan.Entries.Single(e => e.Identity == ApplyPlans.Identity(0)).Reason);
    }

    [Fact]
    public async Task PlanAsync_RefreshOfEveryTask_ReadsEachTaskOnceAndNeverTheRemovedOne()
    {
        var early = await RefreshedAsync(selection: null);
        var after = await RefreshedAsync(new EveryTask());

        Assert.Equal([(0, 1), (1, 1), (2, 1), (4, 1), (6, 1)], Reads(after.Calls).Select(r => (r.Key, r.Value)));
        Assert.Equal([(0, 1), (1, 1), (2, 2), (4, 1), (6, 1)], Reads(early.Calls).Select(r => (r.Key, r.Value))); // 2: its recorded account early, then the manifest's
        Assert.DoesNotContain(3, Reads(early.Calls).Keys); // its file is gone: unmanaged, never read
        Assert.DoesNotContain(5, Reads(early.Calls).Keys); // suspended: left alone
    }

    /// <summary>Tasks 0-5 applied; then 0 drifted on the platform, 1 renamed, 2 moved to a sub-account, 3's file removed, 4 moved to another file, 5 suspended, 6 new (adopted).</summary>
    private static async Task<(Plan Plan, IReadOnlyList<(string Operation, TaskIdentity Identity)> Calls)> RefreshedAsync(IRefreshSelection? selection)
    {
        var fixture = new EngineFixture(runningCheck: false);
        await fixture.PassAsync(EngineFixture.Snapshot(6));
        var snapshot = new SourceSnapshot("1123456789abcdef0123456789abcdef01234567", [
            File(0, TestManifests.V2(taskId: ApplyPlans.TaskId(0), name: "任务-0")),
            File(1, TestManifests.V2(taskId: ApplyPlans.TaskId(1), name: "renamed")),
            File(2, TestManifests.V2(taskId: ApplyPlans.TaskId(2), name: "任务-2", metadata: "\n  sub_user_id: \"77\"")),
            File(4, TestManifests.V2(taskId: ApplyPlans.TaskId(4), name: "任务-4")),
            File(5, TestManifests.V2(taskId: ApplyPlans.TaskId(5), name: "任务-5", metadata: "\n  suspend: true")),
            File(6, TestManifests.V2(taskId: ApplyPlans.TaskId(6), name: "任务-6")),
        ], []);
        foreach (var i in new[] { 0, 1, 2, 3, 4, 5, 6 })
        {
            fixture.Api.Details[ApplyPlans.Identity(i)] = (JsonObject)JsonNode.Parse($$"""{"task_extras":{},"name":"任务-{{i}}","maximumcall":{{(i == 0 ? 6 : 2)}},"dial_time_id":"123"}""")!;
        }

        var before = fixture.Api.Calls.Count;
        var pending = await fixture.Engine.PlanAsync(snapshot, new PlanOptions(Refresh: true, RefreshSelection: selection), CancellationToken.None);
        return (pending.Plan, fixture.Api.Calls.Skip(before).ToList());
    }

    private static ManifestFile File(int i, string text) => ManifestFile.FromText(i == 4 ? "tasks/new.yaml" : $"tasks/t{i:000}.yaml", text);

    /// <summary>Detail reads per task number (the fake logs each as a state read).</summary>
    private static SortedDictionary<int, int> Reads(IReadOnlyList<(string Operation, TaskIdentity Identity)> calls)
    {
        var reads = new SortedDictionary<int, int>();
        foreach (var (_, identity) in calls.Where(c => c.Operation == "state"))
        {
            var number = Enumerable.Range(0, 7).Single(i => ApplyPlans.Identity(i) == identity);
            reads[number] = reads.GetValueOrDefault(number) + 1;
        }

        return reads;
    }

    /// <summary>Every readable task: the refresh then reads after the evaluation, as before early reads.</summary>
    private sealed class EveryTask : IRefreshSelection
    {
        public IReadOnlyList<PlanEntry> Choose(IReadOnlyList<PlanEntry> readable) => readable;
    }
}
