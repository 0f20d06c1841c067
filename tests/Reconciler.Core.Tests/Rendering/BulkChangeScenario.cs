using System.Globalization;
using Reconciler.Core.Manifests;
using Reconciler.Core.Normalization;
using Reconciler.Core.Planning;
using Reconciler.Core.State;

namespace Reconciler.Core.Tests.Rendering;

/// <summary>
/// The change a review is hard for: 3,000 tasks in 4 accounts whose concurrency goes from 2 to 4 in one pull
/// request, 5 of which also get something else (a remark, another concurrency, a holiday, a line swap, a later stop
/// time). Built through the real evaluator and planner against a last-applied state; built once per test run.
/// </summary>
internal static class BulkChangeScenario
{
    public const int TaskCount = 3_000;

    /// <summary>The tasks whose change is their own (task index → what else changed).</summary>
    public static readonly IReadOnlyDictionary<int, string> Distinct = new Dictionary<int, string>
    {
        [7] = "remark",
        [600] = "maximumcall 6",
        [1_500] = "holiday",
        [2_200] = "line swap",
        [2_999] = "stop_time",
    };

    public static readonly string[] Accounts =
    [
        "5832d184-dd53-42a0-8ace-0bf8d660f4cc",
        "61ecdf72-5f4b-4c92-b312-b21f7db34b6a",
        "3d917f66-a99e-4a62-a0c4-9f5ef7036ab7",
        "a0c4e2b1-7d3f-4e8a-9b12-4c5d6e7f8091",
    ];

    private static readonly Lazy<Plan> Built = new(Build);

    public static Plan Plan => Built.Value;

    /// <summary>1,200, 900, 600 and 300 tasks in the four accounts.</summary>
    public static string Account(int i) => Accounts[i < 1_200 ? 0 : i < 2_100 ? 1 : i < 2_700 ? 2 : 3];

    public static string TaskId(int i) => $"{i:x8}-7c1e-4d2a-9a55-2b6e1f0c9d31";

    private static Plan Build()
    {
        var files = Enumerable.Range(0, TaskCount).Select(i => ($"tasks/team-{i % 20:00}/task-{i:0000}.yaml", Yaml(i))).ToArray();
        var desired = TestManifests.Desired(files);
        Assert.Empty(desired.Invalid);

        // What was applied before: the same manifests with maximumcall 2 and nothing else of the five changes.
        var before = TestManifests.Desired(Enumerable.Range(0, TaskCount).Select(i => ($"tasks/team-{i % 20:00}/task-{i:0000}.yaml", Yaml(i, applied: true))).ToArray());
        var lastApplied = before.Tasks.ToDictionary(
            t => t.Identity,
            t => new AppliedRecord(t.Identity, CanonicalBody.FromJson(t.Body.Json), t.File, "1111111111111111111111111111111111111111", new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero)));
        return Planner.Plan(desired, lastApplied) with { Revision = "9f8e7d6c5b4a39281706f5e4d3c2b1a098765432", BaseRevision = "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567" };
    }

    private static string Yaml(int i, bool applied = false)
    {
        var change = applied ? null : Distinct.GetValueOrDefault(i);
        var maximumcall = applied ? 2 : change == "maximumcall 6" ? 6 : 4;
        var remark = change == "remark" ? "\n  remark: 华东二组试点:并发提升" : "";
        var holiday = change == "holiday" ? "\n    holiday:\n      - {begin: \"2027-02-10 00:00\", end: \"2027-02-17 23:59\"}" : "";
        var stop = change == "stop_time" ? "2028-06-30 23:59:59" : "2027-12-25 23:59:59";
        var secondLine = change == "line swap" ? "e58d46a0-2b77-4c1e-8f90-0a1b2c3d4e5f" : "d47c3599-f166-4cd0-999c-f60e46814d27";
        return $"""
            apiVersion: tasks/v2
            kind: Task
            metadata:
              user_id: {Account(i)}
              task_id: {TaskId(i)}
            spec:
              name: 信用卡逾期提醒-第{i.ToString(CultureInfo.InvariantCulture)}批
              destination_extension: {1000 + i}
              maximumcall: {maximumcall}
              dial_time_id: 12{remark}
              task_extras:
                start_time: "2026-12-23 19:00:00"
                stop_time: "{stop}"
                pop_mode: 1{holiday}
                line:
                  - {"{"}id: d47c3599-f166-4cd0-999c-f60e46814d26, limit: 4{"}"}
                  - {"{"}id: {secondLine}, limit: 4{"}"}
            """;
    }
}
