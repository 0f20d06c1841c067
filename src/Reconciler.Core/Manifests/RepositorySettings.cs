using System.Text.Json.Nodes;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Loading;

namespace Reconciler.Core.Manifests;

/// <summary>
/// Per-repository settings from <c>.reconciler.yaml</c> at the manifest root, handed to the core by the source
/// (the core reads no files). Today one setting: <c>allowExtraFields</c>, body fields the API document does not
/// describe but the platform is known to accept. They are sent as written instead of being refused as unknown.
/// </summary>
/// <remarks>
/// Paths are dotted, start with <c>spec.</c>, and write list items as <c>*</c>:
/// <c>allowExtraFields: [spec.some_field, spec.task_extras.other, spec.task_extras.line.*.weight]</c>.
/// A single manifest can do the same with the annotation <c>reconciler/allow-extra-fields: "spec.a, spec.b"</c>.
/// </remarks>
public sealed record RepositorySettings(IReadOnlySet<string> AllowedExtraFields)
{
    public const string FileName = ".reconciler.yaml";
    public const string AllowExtraFieldsKey = "allowExtraFields";
    public const string AllowExtraFieldsAnnotation = "reconciler/allow-extra-fields";

    public static RepositorySettings None { get; } = new(new HashSet<string>(StringComparer.Ordinal));

    /// <summary>The repository's policy (<c>.reconciler/policy.yaml</c>, read by the pipeline beside these settings): its rules are checked with the schema.</summary>
    public Guardrails.RepositoryPolicy Policy { get; init; } = Guardrails.RepositoryPolicy.None;

    /// <summary>Reads the settings file; a broken file gives no settings and error diagnostics naming it.</summary>
    public static (RepositorySettings Settings, IReadOnlyList<Diagnostic> Diagnostics) Parse(ManifestFile? file)
    {
        if (file is null)
        {
            return (None, []);
        }

        var loaded = new YamlManifestLoader().Load(file);
        if (loaded.HasErrors)
        {
            return (None, loaded.Diagnostics);
        }

        if (loaded.Documents.Count == 0)
        {
            return (None, []);
        }

        var document = loaded.Documents[0];
        var problems = new List<Diagnostic>();
        if (loaded.Documents.Count > 1)
        {
            problems.Add(Diagnostic.Error("settings", $"{FileName} must hold one YAML document", loaded.Documents[1].Location));
        }

        if (document.Node is not JsonObject root)
        {
            problems.Add(Diagnostic.Error("settings", $"{FileName} must be a mapping, e.g. '{AllowExtraFieldsKey}: [spec.some_field]'", document.Location, ""));
            return (None, problems);
        }

        foreach (var (key, _) in root.Where(p => p.Key != AllowExtraFieldsKey))
        {
            problems.Add(Diagnostic.Error("settings", $"unknown setting '{key}' (known: {AllowExtraFieldsKey})", document.Map.LocateKey("/" + key), "/" + key));
        }

        var allowed = new HashSet<string>(StringComparer.Ordinal);
        if (root[AllowExtraFieldsKey] is { } list)
        {
            if (list is not JsonArray items)
            {
                problems.Add(Diagnostic.Error("settings", $"{AllowExtraFieldsKey} must be a list of field paths such as spec.some_field", document.Map.Locate("/" + AllowExtraFieldsKey), "/" + AllowExtraFieldsKey));
            }
            else
            {
                for (var i = 0; i < items.Count; i++)
                {
                    var pointer = $"/{AllowExtraFieldsKey}/{i}";
                    if (Template(items[i] is JsonValue v && v.TryGetValue<string>(out var text) ? text : null) is { } template)
                    {
                        allowed.Add(template);
                    }
                    else
                    {
                        problems.Add(Diagnostic.Error("settings", "not a field path under spec: write it like spec.some_field or spec.task_extras.line.*.weight", document.Map.Locate(pointer), pointer));
                    }
                }
            }
        }

        return problems.Count > 0 ? (None, problems) : (new RepositorySettings(allowed), []);
    }

    /// <summary><c>spec.task_extras.line.*.weight</c> → <c>/spec/task_extras/line/#/weight</c> (the form <see cref="Validation.ManifestDocument.Template"/> gives), or null when it is not a path under spec.</summary>
    public static string? Template(string? path)
    {
        var segments = path?.Trim().Split('.') ?? [];
        if (segments.Length < 2 || segments[0] != "spec" || segments.Any(s => s.Length == 0) || segments[^1] == "*")
        {
            return null;
        }

        return string.Concat(segments.Select(s => "/" + (s == "*" ? "#" : s.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal))));
    }

    /// <summary>These settings plus the fields a manifest allows itself with the <see cref="AllowExtraFieldsAnnotation"/> annotation.</summary>
    public IReadOnlySet<string> AllowedFor(JsonObject? metadata) =>
        AllowedFor(metadata is null ? null : System.Text.Json.JsonSerializer.SerializeToElement(metadata));

    /// <summary>The same, read from a manifest's read-only metadata element.</summary>
    public IReadOnlySet<string> AllowedFor(System.Text.Json.JsonElement? metadata)
    {
        var annotations = Validation.ManifestDocument.Child(metadata, "annotations");
        if (Validation.ManifestDocument.Child(annotations, AllowExtraFieldsAnnotation) is not { ValueKind: System.Text.Json.JsonValueKind.String } value || value.GetString() is not { } text)
        {
            return AllowedExtraFields;
        }

        var own = text.Split([',', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(Template).OfType<string>();
        return AllowedExtraFields.Concat(own).ToHashSet(StringComparer.Ordinal);
    }
}
