using System.Text.Json;
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

    /// <summary>
    /// The document as a mutable-style tree, built on first use: the repository's policies and the set expansion read
    /// it; the schema check, the rules and the normaliser read <see cref="RootElement"/> and never build it.
    /// </summary>
    public JsonObject? Root => Loaded.Node as JsonObject;

    public JsonObject? Metadata => Root?["metadata"] as JsonObject;

    public JsonObject? Spec => Root?["spec"] as JsonObject;

    /// <summary>The document's root object, read-only (null when the document is not an object).</summary>
    public JsonElement? RootElement => Loaded.Element is { ValueKind: JsonValueKind.Object } root ? root : null;

    public JsonElement? MetadataElement => ObjectChild(RootElement, "metadata");

    public JsonElement? SpecElement => ObjectChild(RootElement, "spec");

    public JsonElement? TaskExtras => ObjectChild(SpecElement, "task_extras");

    public ApiFlavour? Flavour => ApiFlavours.FromApiVersion(Text(Child(RootElement, "apiVersion")));

    public TaskIdentity? Identity =>
        IdText(Child(MetadataElement, "user_id")) is { } user && IdText(Child(MetadataElement, "task_id")) is { } task ? new TaskIdentity(user, task) : null;

    public string? Name => Text(Child(SpecElement, "name"));

    /// <summary>The value under <paramref name="key"/> when <paramref name="owner"/> is an object that has it, else null.</summary>
    public static JsonElement? Child(JsonElement? owner, string key) =>
        owner is { ValueKind: JsonValueKind.Object } obj && obj.TryGetProperty(key, out var value) ? value : null;

    /// <summary>The item at <paramref name="index"/> when <paramref name="owner"/> is a list that long, else null.</summary>
    public static JsonElement? Item(JsonElement? owner, int index) =>
        owner is { ValueKind: JsonValueKind.Array } list && index >= 0 && index < list.GetArrayLength() ? list[index] : null;

    /// <summary>The list's items (none when <paramref name="owner"/> is not a list).</summary>
    public static int Count(JsonElement? owner) => owner is { ValueKind: JsonValueKind.Array } list ? list.GetArrayLength() : 0;

    private static JsonElement? ObjectChild(JsonElement? owner, string key) =>
        Child(owner, key) is { ValueKind: JsonValueKind.Object } value ? value : null;

    /// <summary>The value at a JSON Pointer made of plain segments (no escapes), or null; read-only, no tree built.</summary>
    public JsonElement? Find(string pointer)
    {
        var element = RootElement;
        var rest = pointer.AsSpan();
        while (element is { } current && rest.Length > 0)
        {
            var end = rest.IndexOf('/');
            var segment = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 1)..];
            if (segment.Length == 0)
            {
                continue; // empty segments are skipped, as At skips them
            }

            element = current.ValueKind switch
            {
                JsonValueKind.Object => current.TryGetProperty(segment, out var child) ? child : null,
                JsonValueKind.Array when int.TryParse(segment, out var index) => Item(current, index),
                _ => null,
            };
        }

        return element;
    }

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
        var element = RootElement;
        var template = new System.Text.StringBuilder();
        foreach (var segment in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var isIndex = element is { ValueKind: JsonValueKind.Array };
            template.Append('/').Append(isIndex ? "#" : segment);
            element = element switch
            {
                { ValueKind: JsonValueKind.Object } => Child(element, segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)),
                { ValueKind: JsonValueKind.Array } when int.TryParse(segment, out var index) => Item(element, index),
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

    /// <summary>The text of a string element, else null.</summary>
    public static string? Text(JsonElement? element) => element is { ValueKind: JsonValueKind.String } text ? text.GetString() : null;

    /// <summary>An id written as a string or as an integer, as its exact text.</summary>
    public static string? IdText(JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.String } text when text.GetString() is { Length: > 0 } id => id,
        { ValueKind: JsonValueKind.Number } number => number.GetRawText(),
        _ => null,
    };

    /// <summary>True for <c>true</c> and for <c>1</c> (the document writes flags both ways).</summary>
    public static bool IsTruthy(JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.Number } number => number.GetRawText() != "0",
        _ => false,
    };

    public static bool Flag(JsonElement? element) => element is { ValueKind: JsonValueKind.True };
}
