using Reconciler.Core.Planning;
using Reconciler.Core.State;
using Reconciler.Core.Manifests;

namespace Reconciler.Core.Tests.Normalization;

public sealed class CanonicalBodyTests
{
    private static string Body(string yaml) => Assert.Single(TestManifests.Evaluate(yaml).Tasks).Body.Json;

    [Fact]
    public void Normalize_LineAndHolidayAbsent_AreSentAsEmptyLists()
    {
        var body = Body(TestManifests.V2());
        Assert.Contains("\"holiday\":[]", body, StringComparison.Ordinal);
        Assert.Contains("\"line\":[]", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_SubUserFromMetadata_IsInTheBody()
    {
        Assert.Contains("\"sub_user_id\":\"5b55bcca\"", Body(TestManifests.V2(metadata: "\n  sub_user_id: 5b55bcca")), StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_KeysSortedAndNumbersExact()
    {
        var body = Body(TestManifests.V2(spec: "\n  background_id: 215870475195883520"));
        Assert.StartsWith("{\"background_id\":215870475195883520,\"destination_extension\":123,\"dial_time_id\":123,", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_FormattingOnlyEdits_AreUnchanged()
    {
        var original = TestManifests.V2();
        var reformatted = """
            # a comment that changes nothing
            kind: "Task"
            apiVersion: 'tasks/v2'
            spec:
              task_extras: {pop_mode: 1, stop_time: '2027-12-25 23:59:59', start_time: "2026-12-23 19:00:00"}
              dial_time_id: 123   # trailing comment
              maximumcall: 0x2
              destination_extension: 123
              name: "测试api接口创建-222"
            metadata:
              task_id: "f232d184-dd54-42a0-8ace-0bf8d660f4cc"
              user_id: 5832d184-dd53-42a0-8ace-0bf8d660f4cc
            """;
        var before = Assert.Single(TestManifests.Evaluate(original).Tasks);
        var after = Assert.Single(TestManifests.Evaluate(reformatted).Tasks);
        Assert.Equal(before.Body, after.Body);
        var record = new AppliedRecord(before.Identity, before.Body, "tasks/a.yaml", null, DateTimeOffset.UnixEpoch);
        var plan = Planner.Plan(TestManifests.Desired(("tasks/a.yaml", reformatted)), new Dictionary<TaskIdentity, AppliedRecord> { [record.Identity] = record });
        Assert.Equal(PlanAction.Unchanged, Assert.Single(plan.Entries).Action);
    }

    [Fact]
    public void Normalize_ExplicitEmptyListsEqualOmittedOnes()
    {
        Assert.Equal(Body(TestManifests.V2()), Body(TestManifests.V2(extras: "\n    line: []\n    holiday: []")));
    }
}
