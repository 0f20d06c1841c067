using System.Text.Json.Nodes;
using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;
using Reconciler.Core.Refresh;
using Reconciler.Core.State;
using Reconciler.Core.Tests.Applying;

namespace Reconciler.Core.Tests.Refresh;

/// <summary>A field the live task holds and the manifest leaves out is named, whatever the baseline knew.</summary>
public sealed class RefreshOmittedFieldTests
{
    private static readonly TaskIdentity Task = new(TestManifests.UserId, TestManifests.TaskId);

    [Fact]
    public async Task Refresh_AdoptOfATaskWhoseLiveBodyHoldsMore_WarnsPerOmittedField()
    {
        var plan = Planner.Plan(TestManifests.Desired(("tasks/a.yaml", TestManifests.V2())), Baseline.EmptyState);
        var api = new FakeTaskApi();
        api.Details[Task] = Detail("""{"remark":"夜间","bridge_group_id":7,"background_id":null,"status":1}""", """{"redial_interval":5}""");

        var refreshed = await LiveRefresh.RefreshAsync(plan, api, 1, CancellationToken.None);

        var entry = Assert.Single(refreshed.Entries);
        Assert.Equal(PlanAction.Adopt, entry.Action);
        var omitted = entry.Diagnostics.Where(d => d.Code == "field-omitted").ToList();
        Assert.Equal(["/spec/bridge_group_id", "/spec/remark", "/spec/task_extras/redial_interval"], omitted.Select(d => d.JsonPath));
        Assert.StartsWith("bridge_group_id is set on the platform (read by --refresh) and is now omitted: the API document says omitting this key means empty", omitted[0].Message, StringComparison.Ordinal);
        Assert.StartsWith("task_extras.redial_interval is set on the platform (read by --refresh)", omitted[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refresh_FieldTheRecordAlreadyWarnsAbout_IsWarnedOnce()
    {
        var desired = TestManifests.Desired(("tasks/a.yaml", TestManifests.V2()));
        var recorded = TestManifests.Desired(("tasks/a.yaml", TestManifests.V2(spec: "\n  remark: 夜间"))).Tasks[0];
        var plan = Planner.Plan(desired, new Dictionary<TaskIdentity, AppliedRecord> { [Task] = new(Task, recorded.Body, "tasks/a.yaml", null, DateTimeOffset.UnixEpoch) });
        var api = new FakeTaskApi();
        api.Details[Task] = Detail("""{"remark":"夜间"}""", "{}");

        var refreshed = await LiveRefresh.RefreshAsync(plan, api, 1, CancellationToken.None);

        var warning = Assert.Single(Assert.Single(refreshed.Entries).Diagnostics, d => d.Code == "field-omitted");
        Assert.StartsWith("remark was applied before", warning.Message, StringComparison.Ordinal);
    }

    /// <summary>The manifest's body as the platform reports it, plus <paramref name="extra"/> fields (top level and in task_extras).</summary>
    private static JsonObject Detail(string extra, string extraExtras)
    {
        var body = (JsonObject)TestManifests.Desired(("tasks/a.yaml", TestManifests.V2())).Tasks[0].Body.ToNode();
        foreach (var (key, value) in (JsonObject)JsonNode.Parse(extra)!)
        {
            body[key] = value?.DeepClone();
        }

        foreach (var (key, value) in (JsonObject)JsonNode.Parse(extraExtras)!)
        {
            body["task_extras"]![key] = value?.DeepClone();
        }

        body["new_task_extra"] = new JsonObject { ["enable"] = false };
        return body;
    }
}
