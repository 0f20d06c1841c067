using System.Text.Json;
using System.Text.Json.Nodes;
using Reconciler.Core.Manifests;

namespace Reconciler.Core.Tests.Schemas;

/// <summary>The API document's request examples, one JSON file per language and flavour (testdata/seed-bodies).</summary>
internal static class SeedBodies
{
    public const string UserId = "5832d184-dd53-42a0-8ace-0bf8d660f4cc";
    public const string TaskId = "f232d184-dd54-42a0-8ace-0bf8d660f4cc";

    public static readonly string[] Languages = ["curl", "go", "javascript", "java", "php", "python", "cpp"];

    public static IEnumerable<object[]> All() =>
        from flavour in new[] { ApiFlavour.V2, ApiFlavour.V2Legacy }
        from language in Languages
        select new object[] { flavour, language };

    public static string PathOf(ApiFlavour flavour, string language) => Path.Combine(
        AppContext.BaseDirectory, "testdata", "seed-bodies", flavour == ApiFlavour.V2 ? "v2" : "v2-legacy", language + ".json");

    /// <summary>A fixture as a mutable tree; numbers keep their exact text.</summary>
    public static JsonObject Load(ApiFlavour flavour, string language) =>
        JsonNode.Parse(File.ReadAllText(PathOf(flavour, language)))!.AsObject();

    /// <summary>A manifest wrapping <paramref name="spec"/>, built as a tree (never by pasting text).</summary>
    public static JsonObject Manifest(string apiVersion, JsonNode? spec) => new()
    {
        ["apiVersion"] = apiVersion,
        ["kind"] = "Task",
        ["metadata"] = new JsonObject { ["user_id"] = UserId, ["task_id"] = TaskId },
        ["spec"] = spec,
    };

    public static JsonElement Element(JsonNode? node) => JsonSerializer.SerializeToElement(node);
}
