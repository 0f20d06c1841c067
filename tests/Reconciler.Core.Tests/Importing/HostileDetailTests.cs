using System.Text;
using System.Text.Json.Nodes;
using Reconciler.Core.Importing;
using Reconciler.Core.Manifests;
using Reconciler.Core.Validation;

namespace Reconciler.Core.Tests.Importing;

/// <summary>A detail answer written by someone hostile: its text ends up quoted or escaped, never as YAML structure.</summary>
public sealed class HostileDetailTests
{
    private static readonly TaskIdentity Task = new("5832d184-dd53-42a0-8ace-0bf8d660f4cc", "victim");

    private const string Planted = "x\n---\napiVersion: tasks/v2\nkind: Task\nmetadata: {user_id: u, task_id: HIJACKED}\nspec: {name: HIJACKED}\n# ";

    [Fact]
    public void Write_KeysAndValuesWithNewlinesAndDocumentMarkers_GiveExactlyOneDocument()
    {
        var detail = V2Detail();
        detail[Planted] = 1;
        ((JsonObject)detail["task_extras"]!)[Planted] = 2;
        ((JsonObject)detail["new_task_extra"]!)[Planted] = 3;
        detail["name"] = "名字" + Planted + "\u001B[2J\u202Eevil";
        detail["remark"] = "line1\r\nline2\u2028\u0085\u007F\uFEFF";

        var imported = ImportedTask.FromDetail(Task, null, detail);
        var yaml = ManifestYaml.Write(imported, "s.json", "endpoint\n---\nkind: Task");
        var desired = TestManifests.Desired(("tasks/a.yaml", yaml));

        Assert.True(desired.Invalid.Count == 0, string.Join("\n", desired.Invalid.SelectMany(i => i.Diagnostics)) + "\n" + yaml);
        var task = Assert.Single(desired.Tasks);
        Assert.Equal(Task, task.Identity);
        Assert.Equal(detail["name"]!.GetValue<string>(), task.Name);
        Assert.DoesNotContain("\n---", yaml, StringComparison.Ordinal);
        Assert.All(yaml.Split('\n'), line => Assert.DoesNotContain(line, c => c < ' ' && c != '\t' || c is '\u007F' or '\u0085' or '\u2028' or '\u202E' or '\uFEFF'));
        Assert.Contains(@"\x1B[2J\u202Eevil", yaml, StringComparison.Ordinal);
        Assert.Equal(ImportVerdictKind.Exact, ImportVerification.Check(Encoding.UTF8.GetBytes(yaml), "tasks/a.yaml", imported, new ManifestPipeline()).Kind);
    }

    [Fact]
    public void Check_AValueYamlCannotHold_IsRefusedBeforeAnythingIsWritten()
    {
        var detail = V2Detail();
        detail["remark"] = "lone \uD800 surrogate";
        var imported = ImportedTask.FromDetail(Task, null, detail);

        var verdict = ImportVerification.Check(Encoding.UTF8.GetBytes(ManifestYaml.Write(imported, "s.json", "x")), "tasks/a.yaml", imported, new ManifestPipeline());

        Assert.Equal(ImportVerdictKind.Foreign, verdict.Kind);
        Assert.Contains("not readable YAML", verdict.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ManyLongForeignKeys_GiveOneShortEscapedCommentLine()
    {
        var detail = V2Detail();
        for (var i = 0; i < 500; i++)
        {
            detail[$"k{i}\n" + new string('x', 500)] = i;
        }

        var yaml = ManifestYaml.Write(ImportedTask.FromDetail(Task, null, detail), "s.json", "x");

        var comment = Assert.Single(yaml.Split('\n'), l => l.StartsWith("# Detail fields not imported", StringComparison.Ordinal));
        Assert.True(comment.Length < 3000, comment.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.EndsWith("… and 472 more", comment, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_TextThatReadsAsTwoDocumentsOrAnotherTask_IsForeign()
    {
        var imported = ImportedTask.FromDetail(Task, null, V2Detail());
        var yaml = ManifestYaml.Write(imported, "s.json", "x");
        var pipeline = new ManifestPipeline();

        var twoDocuments = ImportVerification.Check(Encoding.UTF8.GetBytes(yaml + "---\n" + yaml.Replace("victim", "HIJACKED", StringComparison.Ordinal)), "tasks/a.yaml", imported, pipeline);
        var otherTask = ImportVerification.Check(Encoding.UTF8.GetBytes(yaml.Replace("victim", "HIJACKED", StringComparison.Ordinal)), "tasks/a.yaml", imported, pipeline);
        var otherBody = ImportVerification.Check(Encoding.UTF8.GetBytes(yaml.Replace("maximumcall: 2", "maximumcall: 4", StringComparison.Ordinal)), "tasks/a.yaml", imported, pipeline);

        Assert.Equal((ImportVerdictKind.Foreign, "it holds 2 documents, not the one written"), (twoDocuments.Kind, twoDocuments.Problem));
        Assert.Equal(ImportVerdictKind.Foreign, otherTask.Kind);
        Assert.Contains("metadata.task_id", otherTask.Problem, StringComparison.Ordinal);
        Assert.Contains("spec.maximumcall", otherBody.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_TheIntendedDocumentBreakingARule_IsInvalidNotForeign()
    {
        var detail = V2Detail();
        detail["maximumcall"] = 3; // two lines: 3 does not divide evenly
        var imported = ImportedTask.FromDetail(Task, null, detail);

        var verdict = ImportVerification.Check(Encoding.UTF8.GetBytes(ManifestYaml.Write(imported, "s.json", "x")), "tasks/a.yaml", imported, new ManifestPipeline());

        Assert.Equal(ImportVerdictKind.Invalid, verdict.Kind);
        Assert.Contains(verdict.Errors, e => e.Code == "maximumcall-lines");
    }

    private static JsonObject V2Detail() => (JsonObject)JsonNode.Parse("""
        {"name":"回访","destination_extension":123,"maximumcall":2,"dial_time_id":5,"status":1,
         "task_extras":{"start_time":"2026-12-23 19:00:00","stop_time":"2027-12-25 23:59:59","pop_mode":1,"holiday":[],
           "line":[{"id":"d47c3599-f166-4cd0-999c-f60e46814d26","limit":1},{"id":"0b7e1c56-2f0d-4c59-9d0c-5d3c1f2a9e11","limit":1}]},
         "new_task_extra":{"enable":false}}
        """)!;
}
