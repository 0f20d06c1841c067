using System.Text.Json;
using System.Text.Json.Nodes;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Loading;
using Reconciler.Core.Manifests;

namespace Reconciler.Core.TaskSets;

/// <summary>
/// One <c>kind: TaskSet</c> document as the expansion reads it: typed accessors that tolerate any shape (the schema
/// reports what is wrong), over an immutable <see cref="JsonElement"/> so that items can be expanded on many threads
/// at once, and the set's own positions.
/// </summary>
internal sealed class TaskSetDocument
{
    public const string Kind = "TaskSet";

    public TaskSetDocument(LoadedDocument loaded, string file)
    {
        Loaded = loaded;
        File = file;
        Root = loaded.Element;
    }

    public LoadedDocument Loaded { get; }

    /// <summary>The manifest file holding the set.</summary>
    public string File { get; }

    public JsonElement Root { get; }

    public string? Name => Text(Metadata, "name");

    public JsonElement? Metadata => Child(Root, "metadata");

    public JsonElement? Spec => Child(Root, "spec");

    public JsonElement? ApiVersion => Child(Root, "apiVersion");

    public ApiFlavour? Flavour => ApiFlavours.FromApiVersion(ApiVersion is { ValueKind: JsonValueKind.String } v ? v.GetString() : null);

    public JsonElement? Template => Child(Spec, "template");

    public JsonElement? Items => Child(Spec, "items");

    public string? ItemsFrom => Text(Spec, "itemsFrom");

    public SourceLocation Location => Loaded.Location;

    /// <summary>Whether a loaded document declares <c>kind: TaskSet</c> (everything else is read as a Task).</summary>
    public static bool IsTaskSet(LoadedDocument document) =>
        Child(document.Element, "kind") is { ValueKind: JsonValueKind.String } kind && kind.ValueEquals(Kind);

    public SourceLocation Locate(string pointer) => Loaded.Map.Locate(pointer);

    public SourceLocation LocateKey(string pointer) => Loaded.Map.LocateKey(pointer);

    public static JsonElement? Child(JsonElement? parent, string name) =>
        parent is { ValueKind: JsonValueKind.Object } obj && obj.TryGetProperty(name, out var child) ? child : null;

    public static string? Text(JsonElement? parent, string name) =>
        Child(parent, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
}
