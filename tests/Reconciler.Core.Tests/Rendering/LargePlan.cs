using System.Globalization;
using Reconciler.Core.Manifests;
using Reconciler.Core.Normalization;
using Reconciler.Core.Planning;
using Reconciler.Core.State;

namespace Reconciler.Core.Tests.Rendering;

/// <summary>
/// A big repository's pull request, built from manifests generated in memory and run through the real
/// evaluator and planner: updates and adopts by the thousand, plus a few invalid manifests with several
/// errors each. Built once per test run; evaluating thousands of manifests takes a few seconds.
/// </summary>
internal static class LargePlan
{
    public const int InvalidCount = 10;

    /// <summary>Errors each invalid manifest carries (see <see cref="Invalid"/>).</summary>
    public const int ErrorsPerInvalid = 3;

    private static readonly Lazy<Plan> ThreeThousand = new(() => Build(2_990, InvalidCount));

    /// <summary>2,990 valid tasks (half update, half adopt) and 10 invalid ones: 3,000 in all.</summary>
    public static Plan ThreeThousandTasks => ThreeThousand.Value;

    public static Plan Build(int valid, int invalid)
    {
        var files = Enumerable.Range(0, valid).Select(i => (Path: $"tasks/team-{i % 40:00}/task-{i:00000}.yaml", Yaml: Valid(i)))
            .Concat(Enumerable.Range(0, invalid).Select(i => (Path: $"tasks/broken/broken-{i:00}.yaml", Yaml: Invalid(i))))
            .ToArray();
        var desired = TestManifests.Desired(files);

        // Every other valid task was applied before with other values, so it plans as an update; the rest are adopted.
        var lastApplied = desired.Tasks
            .Where((_, index) => index % 2 == 0)
            .Select(t => new AppliedRecord(
                t.Identity,
                CanonicalBody.FromJson(t.Body.Json.Replace("\"maximumcall\":4", "\"maximumcall\":2", StringComparison.Ordinal)),
                t.Location.File,
                "1111111111111111111111111111111111111111",
                new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)))
            .ToDictionary(r => r.Identity);
        var plan = Planner.Plan(desired, lastApplied);
        return plan with { Revision = "9f8e7d6c5b4a39281706f5e4d3c2b1a098765432", BaseRevision = "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567" };
    }

    public static string TaskId(int i) => $"{i:x8}-dd54-42a0-8ace-0bf8d660f4cc";

    private static string Valid(int i) => $"""
        apiVersion: tasks/v2
        kind: Task
        metadata:
          user_id: {TestManifests.UserId}
          task_id: {TaskId(i)}
        spec:
          name: 信用卡逾期提醒-华东-第{i.ToString(CultureInfo.InvariantCulture)}批
          destination_extension: {1000 + i}
          maximumcall: 4
          dial_time_id: 12
          remark: 逾期1-30天客户还款提醒,转人工坐席组7
          task_extras:
            start_time: "2026-12-23 19:00:00"
            stop_time: "2027-12-25 23:59:59"
            pop_mode: 1
            line:
              - {"{"}id: d47c3599-f166-4cd0-999c-f60e46814d26, limit: 4{"}"}
              - {"{"}id: d47c3599-f166-4cd0-999c-f60e46814d27, limit: 4{"}"}
        """;

    /// <summary>Three errors each: end_action with elasticity_type, redial_interval over 60, maximumcall not divisible by the lines.</summary>
    private static string Invalid(int i) => $"""
        apiVersion: tasks/v2
        kind: Task
        metadata:
          user_id: {TestManifests.UserId}
          task_id: {TaskId(90_000 + i)}
        spec:
          name: 坏任务-{i.ToString(CultureInfo.InvariantCulture)}
          destination_extension: 123
          maximumcall: 3
          dial_time_id: 12
          end_action: 1
          elasticity_type: true
          task_extras:
            start_time: "2026-12-23 19:00:00"
            stop_time: "2027-12-25 23:59:59"
            pop_mode: 1
            redial_interval: 90
            line:
              - {"{"}id: d47c3599-f166-4cd0-999c-f60e46814d26, limit: 4{"}"}
              - {"{"}id: d47c3599-f166-4cd0-999c-f60e46814d27, limit: 4{"}"}
        """;
}
