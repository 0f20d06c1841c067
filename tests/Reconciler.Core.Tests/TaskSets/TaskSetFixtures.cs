using Reconciler.Core.Manifests;
using Reconciler.Core.Validation;

namespace Reconciler.Core.Tests.TaskSets;

/// <summary>Small TaskSets to start from, and a way to evaluate a set with its CSV as one snapshot.</summary>
internal static class TaskSetFixtures
{
    public const string UserId = TestManifests.UserId;

    /// <summary>
    /// A valid 新版 set with a complete template and two inline items. Line numbers matter to tests: the template's
    /// maximumcall is on line 12 (column 18), the first item on line 18 (column 7, its first key), the second on line 21.
    /// </summary>
    public static string Inline(string template = "", string items = "", string metadata = "", string spec = "") => $$"""
        apiVersion: tasks/v2
        kind: TaskSet
        metadata:
          name: collections-east
          user_id: {{UserId}}
          labels: {team: collections}{{metadata}}
        spec:
        {{Template(template)}}
          items:
            - task_id: t-001
              spec:
                name: 信用卡逾期提醒-华东
            - task_id: t-002
              labels: {region: south}
              spec: {name: 信用卡逾期提醒-华南, maximumcall: 20}{{items}}{{spec}}
        """;

    /// <summary>A set whose items come from <paramref name="csvPath"/> only (no inline items); its itemsFrom is on line 16.</summary>
    public static string FromCsv(string csvPath = "east.csv", string template = "", string metadata = "") => $"""
        apiVersion: tasks/v2
        kind: TaskSet
        metadata:
          name: collections-east
          user_id: {UserId}{metadata}
        spec:
        {Template(template)}
          itemsFrom: {csvPath}
        """;

    /// <summary>The complete template both sets share (nine lines, from <c>template:</c>), with <paramref name="extra"/> after pop_mode.</summary>
    private static string Template(string extra) => $"""
          template:
            name: 信用卡逾期提醒
            destination_extension: 123
            dial_time_id: 9
            maximumcall: 30
            task_extras:
              start_time: "2026-12-01 09:00:00"
              stop_time: "2027-12-01 18:00:00"
              pop_mode: 1{extra}
        """;

    /// <summary>Evaluates the manifests and CSV files as one snapshot (git-like: content ids when <paramref name="contentIds"/>).</summary>
    public static DesiredState Evaluate(IEnumerable<(string Path, string Text)> manifests, IEnumerable<(string Path, string Text)>? csv = null, ManifestPipeline? pipeline = null, bool contentIds = false) =>
        (pipeline ?? new ManifestPipeline()).Evaluate(Snapshot(manifests, csv, contentIds));

    public static SourceSnapshot Snapshot(IEnumerable<(string Path, string Text)> manifests, IEnumerable<(string Path, string Text)>? csv = null, bool contentIds = false) =>
        new(null, [.. manifests.Select(m => File(m, contentIds))], [])
        {
            DataFiles = [.. (csv ?? []).Select(c => File(c, contentIds))],
        };

    private static ManifestFile File((string Path, string Text) file, bool contentId) =>
        ManifestFile.FromText(file.Path, file.Text, contentId ? Hash(file.Text) : null);

    private static string Hash(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}
