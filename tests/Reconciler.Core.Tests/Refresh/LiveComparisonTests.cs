using System.Text.Json.Nodes;
using Reconciler.Core.Refresh;

namespace Reconciler.Core.Tests.Refresh;

public sealed class LiveComparisonTests
{
    private static JsonObject Json(string text) => (JsonObject)JsonNode.Parse(text)!;

    [Fact]
    public void Compare_ConsoleRaisedMaximumcall_IsOneChangeLiveToDesired()
    {
        var desired = Json("""{"name":"回访","maximumcall":2,"task_extras":{"start_time":"2026-12-23 19:00:00","pop_mode":1}}""");
        var detail = Json("""{"name":"回访","maximumcall":6,"status":1,"task_extras":{"pop_mode":1},"new_task_extra":{"start_time":"2026-12-23 19:00:00"}}""");

        var comparison = LiveComparison.Compare(desired, detail);

        var change = Assert.Single(comparison.Changes);
        Assert.Equal(("/maximumcall", "6", "2"), (change.Path, change.Before, change.After));
        Assert.Empty(comparison.NotCompared);
    }

    [Fact]
    public void Compare_FieldsTheDetailDoesNotCarry_AreNotComparedNeverGuessed()
    {
        var desired = Json("""{"name":"a","is_group_switch":1,"remark":"x","sub_user_id":"s","task_extras":{"redial_interval":3}}""");
        var detail = Json("""{"name":"a","task_extras":{}}""");

        var comparison = LiveComparison.Compare(desired, detail);

        Assert.False(comparison.Drifted);
        Assert.Equal(["is_group_switch", "remark", "sub_user_id", "task_extras.redial_interval"], comparison.NotCompared);
    }

    [Fact]
    public void Compare_IdsAsDigitStringOrNumberAndExtraLiveKeys_AreEqual()
    {
        var desired = Json("""{"dial_time_id":"215870475195883520","task_extras":{"line":[{"id":"l1","limit":2}]}}""");
        var detail = Json("""{"dial_time_id":215870475195883520,"new_task_extra":{"line":[{"id":"l1","limit":2,"name":"线路一"}]}}""");

        Assert.False(LiveComparison.Compare(desired, detail).Drifted);
    }

    [Fact]
    public void Compare_BigIdsThatDifferInTheLastDigit_AreDifferent()
    {
        var comparison = LiveComparison.Compare(Json("""{"dial_time_id":215870475195883520}"""), Json("""{"dial_time_id":215870475195883521}"""));

        Assert.Equal("215870475195883521", Assert.Single(comparison.Changes).Before);
    }

    [Fact]
    public void Compare_TaskExtrasAreTheBodysPlace_TheRemoteTaskOnlyFillsAGap()
    {
        var desired = Json("""{"task_extras":{"stop_time":"2027-01-01 00:00:00","work_hour":[{"wday":1,"begin":"09:00","end":"18:00"}]}}""");
        var both = Json("""{"task_extras":{"stop_time":"2027-01-01 00:00:00","work_hour":[{"wday":1,"begin":"09:00","end":"18:00"}]},"new_task_extra":{"stop_time":"2027-06-01 00:00:00","work_hour":[{"wday":"-1","begin":"09:00","end":"18:00"}]}}""");
        var remoteOnly = Json("""{"task_extras":{},"new_task_extra":{"stop_time":"2027-06-01 00:00:00","work_hour":[{"wday":"-1","begin":"09:00","end":"18:00"}]}}""");

        var withBoth = LiveComparison.Compare(desired, both);
        var withRemoteOnly = LiveComparison.Compare(desired, remoteOnly);

        Assert.Empty(withBoth.Changes);
        Assert.Equal("/task_extras/stop_time", Assert.Single(withRemoteOnly.Changes).Path);
        Assert.Equal(["task_extras.work_hour"], withRemoteOnly.NotCompared);
    }
}
