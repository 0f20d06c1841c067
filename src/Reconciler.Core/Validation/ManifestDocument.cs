using System.Text.Json.Nodes;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Loading;
using Reconciler.Core.Manifests;

namespace Reconciler.Core.Validation;

/// <summary>
/// One loaded manifest document as the rules see it: typed accessors that tolerate any shape (rules run
/// even when the schema failed, so that every problem is reported in one go) and position lookup.
/// </summary>
public sealed class ManifestDocument(LoadedDocument loaded)
{
    public LoadedDocument Loaded { get; } = loaded;

    public JsonObject? Root { get; } = loaded.Node as JsonObject;

    public JsonObject? Metadata => Root?["metadata"] as JsonObject;

    public JsonObject? Spec => Root?["spec"] as JsonObject;

    public JsonObject? TaskExtras => Spec?["task_extras"] as JsonObject;

    public ApiFlavour? Flavour => ApiFlavours.FromApiVersion(Text(Root?["apiVersion"]));

    public TaskIdentity? Identity =>
        IdText(Metadata?["user_id"]) is { } user && IdText(Metadata?["task_id"]) is { } task ? new TaskIdentity(user, task) : null;

    public string? Name => Text(Spec?["name"]);

    /// <summary>The node at a JSON Pointer made of plain segments (no escapes), or null.</summary>
    public JsonNode? At(string pointer)
    {
        // Walked in place rather than split: rules ask for a handful of pointers per document, every document.
        JsonNode? node = Root;
        var rest = pointer.AsSpan();
        while (node is not null && rest.Length > 0)
        {
            var end = rest.IndexOf('/');
            var segment = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 1)..];
            if (segment.Length == 0)
            {
                continue; // empty segments are skipped, as they always were
            }

            node = node switch
            {
                JsonObject obj => obj[segment.ToString()],
                JsonArray array when int.TryParse(segment, out var index) && index >= 0 && index < array.Count => array[index],
                _ => null,
            };
        }

        return node;
    }

    /// <summary>
    /// The pointer with every list index written <c>#</c> (<c>/spec/task_extras/line/0/x</c> → <c>/spec/task_extras/line/#/x</c>),
    /// following this document, so an object key that looks like a number stays a key.
    /// </summary>
    public string Template(string pointer)
    {
        JsonNode? node = Root;
        var template = new System.Text.StringBuilder();
        foreach (var segment in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var isIndex = node is JsonArray;
            template.Append('/').Append(isIndex ? "#" : segment);
            node = node switch
            {
                JsonObject obj => obj[segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)],
                JsonArray array when int.TryParse(segment, out var index) && index >= 0 && index < array.Count => array[index],
                _ => null,
            };
        }

        return template.ToString();
    }

    public SourceLocation Locate(string pointer) => Loaded.Map.Locate(pointer);

    public SourceLocation LocateKey(string pointer) => Loaded.Map.LocateKey(pointer);

    public Diagnostic Error(string code, string message, string pointer) =>
        Diagnostic.Error(code, message, Locate(pointer), pointer);

    public Diagnostic Warning(string code, string message, string pointer) =>
        Diagnostic.Warning(code, message, Locate(pointer), pointer);

    /// <summary>The text of a string node, else null.</summary>
    public static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>An id written as a string or as an integer, as its exact text.</summary>
    public static string? IdText(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) && text.Length > 0 => text,
        JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.Number => IntegerValues.NumberText(value),
        _ => null,
    };

    /// <summary>An integer node's value when it fits in a long, else null.</summary>
    public static long? Integer(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.Number && long.TryParse(IntegerValues.NumberText(value), out var number)
            ? number
            : null;

    /// <summary>True for <c>true</c> and for <c>1</c> (the document writes flags both ways).</summary>
    public static bool IsTruthy(JsonNode? node) => node is JsonValue value && value.GetValueKind() switch
    {
        System.Text.Json.JsonValueKind.True => true,
        System.Text.Json.JsonValueKind.Number => IntegerValues.NumberText(value) != "0",
        _ => false,
    };

    public static bool Flag(JsonNode? node) => node is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.True;
}
