using System.Text.Json;
using System.Text.Json.Nodes;
using Reconciler.Core.Manifests;
using Reconciler.Core.Validation;

namespace Reconciler.Core.Guardrails;

/// <summary>Builds the <see cref="PolicySubject"/> of a manifest document or of a valid task.</summary>
public static class PolicySubjects
{
    private static readonly IReadOnlyDictionary<string, string> NoLabels = new Dictionary<string, string>();

    public static PolicySubject Of(ManifestDocument document, string file, string? setName) => new(
        file,
        setName,
        ManifestDocument.IdText(document.Metadata?["user_id"]),
        ManifestDocument.IdText(document.Metadata?["sub_user_id"]),
        Labels(document.Metadata));

    public static PolicySubject Of(TaskManifest task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return new(task.File, task.Set?.Name, task.Identity.UserId, task.SubUserId, task.Labels ?? NoLabels);
    }

    /// <summary>The manifest's <c>metadata.labels</c> as text (a number label keeps its written digits); null when it has none.</summary>
    public static IReadOnlyDictionary<string, string> Labels(JsonObject? metadata)
    {
        if (metadata?["labels"] is not JsonObject labels || labels.Count == 0)
        {
            return NoLabels;
        }

        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in labels)
        {
            if (LabelText(value) is { } text)
            {
                texts[key] = text;
            }
        }

        return texts;
    }

    public static string? LabelText(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.ToJsonString(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        }
        : null;
}
