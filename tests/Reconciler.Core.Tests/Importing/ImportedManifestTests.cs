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
        Assert.Equal(["id", "caller_line_id", "status", "status_str", "call_status", "new_task_extra"], imported.NotImported);
        Assert.Equal(["end_action"], imported.ReportedEmpty);
        Assert.Contains("# Detail fields not imported (not tasks/v2 body fields; docs/live-platform.md): id, caller_line_id, status,", yaml, StringComparison.Ordinal);
        Assert.Contains("# Reported empty (null) by the platform, left out: end_action\n", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_DetailWithoutTheRemoteTask_IsTheLegacyFlavourAndTakesOnlyItsFields()
    {
        var detail = """{"name":"旧任务","maximumcall":1,"is_group_switch":1,"sub_user_id":"from-the-answer","group_switch_rule":[],"task_extras":{"line":["l1"],"pop_mode":1}}""";

        var imported = ImportedTask.FromDetail(Task, "sub-1", (JsonObject)JsonNode.Parse(detail)!);

        Assert.Equal(ApiFlavour.V2Legacy, imported.Flavour);
        Assert.Equal("""{"name":"旧任务","maximumcall":1,"task_extras":{"line":["l1"]},"group_switch_rule":[]}""", imported.Spec.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.Equal(["task_extras.pop_mode", "is_group_switch", "sub_user_id"], imported.NotImported);
        Assert.Contains("sub_user_id: \"sub-1\"", ManifestYaml.Write(imported, "s.json", "x"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Schemas.SeedBodies.All), MemberType = typeof(Schemas.SeedBodies))]
    public void Import_SeedBodyPlusDetailOnlyFields_ReadsBackAsExactlyTheSeedBody(ApiFlavour flavour, string language)
    {
        var seed = Schemas.SeedBodies.Load(flavour, language);
        var detail = (JsonObject)seed.DeepClone();
        detail["status"] = 1;
        detail["status_str"] = "已暂停";
        detail["caller_line_name"] = null;
        detail["bridge_group_id"] = null;
        detail["new_task_extra"] = flavour == ApiFlavour.V2 ? new JsonObject { ["enable"] = false, ["work_hour"] = new JsonArray(new JsonObject { ["wday"] = "-1" }) } : null;

        var imported = ImportedTask.FromDetail(Task, null, detail);
        var yaml = ManifestYaml.Write(imported, "s.json", "x");
        var task = Assert.Single(TestManifests.Desired(("tasks/a.yaml", yaml)).Tasks);

        Assert.Equal(flavour, imported.Flavour);
        Assert.Equal(Core.Normalization.CanonicalBody.FromJson(seed.ToJsonString()), task.Body);
        Assert.Equal(["bridge_group_id"], imported.ReportedEmpty);
        Assert.Equal(ImportVerdictKind.Exact, ImportVerification.Check(System.Text.Encoding.UTF8.GetBytes(yaml), "tasks/a.yaml", imported, new Core.Validation.ManifestPipeline()).Kind);
    }
}
