using System.Text.Json;
using Reconciler.Core.Rendering;

namespace Reconciler.Core.Tests.Rendering;

/// <summary>
/// The JSON plan is a documented contract (docs/plan-json.md): every field present in a fixed order,
/// nulls never omitted, values typed as documented. A change here is a change to the docs.
/// </summary>
public sealed class JsonPlanShapeTests
{
    private static readonly string[] TopLevel = ["format_version", "revision", "base_revision", "baseline", "summary", "policy_problems", "entries", "groups"];
    private static readonly string[] Summary = ["update", "adopt", "unmanage", "invalid", "unchanged", "suspended", "has_changes", "deferred", "text"];
    private static readonly string[] Entry =
    [
        "action", "user_id", "task_id", "sub_user_id", "name", "api_version", "file", "line", "column",
        "body_hash", "previous_hash", "reason", "changes", "remote", "blocked", "will_stop", "deferral", "diagnostics", "refreshed", "not_compared", "set", "group",
    ];

    private static readonly string[] Change = ["path", "kind", "before", "after"];
    private static readonly string[] DiagnosticFields = ["severity", "code", "message", "file", "line", "column", "json_path"];

    [Fact]
    public void Json_PullRequestScenario_MatchesGoldenFile()
    {
        Golden.Match(new JsonPlanRenderer().Render(PullRequestScenario.Plan()), "plan.json");
    }

    [Fact]
    public void Json_EveryObject_HasExactlyTheDocumentedFieldsInOrder()
    {
        using var json = JsonDocument.Parse(new JsonPlanRenderer().Render(PullRequestScenario.Plan()));
        var root = json.RootElement;

        Assert.Equal(TopLevel, Names(root));
        Assert.Equal(Summary, Names(root.GetProperty("summary")));
        Assert.Equal(7, root.GetProperty("entries").GetArrayLength());
        foreach (var entry in root.GetProperty("entries").EnumerateArray())
        {
            Assert.Equal(Entry, Names(entry));
            Assert.All(entry.GetProperty("changes").EnumerateArray(), c => Assert.Equal(Change, Names(c)));
            Assert.All(entry.GetProperty("diagnostics").EnumerateArray(), d => Assert.Equal(DiagnosticFields, Names(d)));
            if (entry.GetProperty("remote").ValueKind != JsonValueKind.Null)
            {
                Assert.Equal(["running", "status"], Names(entry.GetProperty("remote")));
            }
        }
    }

    [Fact]
    public void Json_ValuesPerAction_AreTypedAsDocumented()
    {
        using var json = JsonDocument.Parse(new JsonPlanRenderer().Render(PullRequestScenario.Plan()));
        var entries = json.RootElement.GetProperty("entries").EnumerateArray().ToDictionary(e => e.GetProperty("task_id").GetString()!);

        Assert.Equal("a1b2c3d4e5f60718293a4b5c6d7e8f9012345678", json.RootElement.GetProperty("base_revision").GetString());
        var unmanage = entries["t-gone"];
        Assert.Equal("unmanage", unmanage.GetProperty("action").GetString());
        Assert.Equal(JsonValueKind.Null, unmanage.GetProperty("line").ValueKind);
        Assert.Equal(JsonValueKind.Null, unmanage.GetProperty("body_hash").ValueKind);
        Assert.Equal(64, unmanage.GetProperty("previous_hash").GetString()!.Length);

        var blocked = entries["t-update"];
        Assert.True(blocked.GetProperty("blocked").GetBoolean());
        Assert.True(blocked.GetProperty("remote").GetProperty("running").GetBoolean());
        Assert.Equal("等待执行", blocked.GetProperty("remote").GetProperty("status").GetString());
        Assert.True(entries["t-stop"].GetProperty("will_stop").GetBoolean());

        var adopt = entries["t-adopt"];
        Assert.All(adopt.GetProperty("changes").EnumerateArray(), c => Assert.Equal("added", c.GetProperty("kind").GetString()));
        Assert.Equal(JsonValueKind.Array, adopt.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("path").GetString() == "/task_extras/line").GetProperty("after").ValueKind);

        var invalid = entries["t-invalid"];
        Assert.Equal(JsonValueKind.Null, invalid.GetProperty("api_version").ValueKind);
        Assert.Equal("/spec/end_action", invalid.GetProperty("diagnostics")[0].GetProperty("json_path").GetString());
    }

    private static string[] Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();
}
