using System.Text.Json.Nodes;
using Reconciler.Core.Importing;
using Reconciler.Core.Manifests;

namespace Reconciler.Core.Tests.Importing;

public sealed class ImportedManifestTests
{
    private static readonly TaskIdentity Task = new("5832d184-dd53-42a0-8ace-0bf8d660f4cc", "f232d184-dd54-42a0-8ace-0bf8d660f4cc");

    private const string Detail = """
        {"id":"f232d184","name":"信用卡逾期提醒-华东\"引号\"","maximumcall":4,"destination_extension":215870475195883520,
         "caller_line_id":"cl-9","dial_time_id":"123","end_action":null,"status":1,"status_str":"已暂停","call_status":false,
         "task_extras":{"start_time":"2026-12-23 19:00:00","stop_time":"2027-12-25 23:59:59","pop_mode":1,"line":[{"id":"d47c3599-f166-4cd0-999c-f60e46814d26","limit":2},{"id":"0b7e1c56-2f0d-4c59-9d0c-5d3c1f2a9e11","limit":2}],
           "holiday":[],"redial_conditions":{"da_status":[2,3]}},
         "new_task_extra":{"enable":false,"call_status":false,"line":[{"id":"d47c3599-f166-4cd0-999c-f60e46814d26","limit":2},{"id":"0b7e1c56-2f0d-4c59-9d0c-5d3c1f2a9e11","limit":2}],"start_time":"2026-12-23 19:00:00","stop_time":"2027-12-25 23:59:59","holiday":[]}}
        """;

    [Fact]
    public void Import_Detail_WritesAManifestThatValidatesAndCarriesTheSameValues()
    {
        var imported = ImportedTask.FromDetail(Task, null, (JsonObject)JsonNode.Parse(Detail)!);

        var yaml = ManifestYaml.Write(imported, "../schemas/task.schema.json", "https://platform.example (test)");
        var desired = TestManifests.Desired(("tasks/imported.yaml", yaml));

        var task = Assert.Single(desired.Tasks);
        Assert.Empty(desired.Invalid);
        Assert.Equal(ApiFlavour.V2, imported.Flavour);
        Assert.StartsWith("# yaml-language-server: $schema=../schemas/task.schema.json\n", yaml, StringComparison.Ordinal);
        Assert.Contains("信用卡逾期提醒-华东\\\"引号\\\"", yaml, StringComparison.Ordinal);
        Assert.Contains("215870475195883520", task.Body.Json, StringComparison.Ordinal);
        Assert.Contains("\"dial_time_id\":\"123\"", task.Body.Json, StringComparison.Ordinal);
        Assert.Equal(["caller_line_id"], imported.Unmapped);
        Assert.Contains("not body fields, not imported: caller_line_id", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_DetailWithoutTheRunSettings_IsTheLegacyFlavour()
    {
        var imported = ImportedTask.FromDetail(Task, "sub-1", (JsonObject)JsonNode.Parse("""{"name":"旧任务","maximumcall":1,"task_extras":{"line":["l1"]}}""")!);

        Assert.Equal(ApiFlavour.V2Legacy, imported.Flavour);
        Assert.Contains("sub_user_id: \"sub-1\"", ManifestYaml.Write(imported, "s.json", "x"), StringComparison.Ordinal);
    }
}
