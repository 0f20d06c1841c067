using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Reconciler.Core.Json;

namespace Reconciler.Core.SavedPlans;

/// <summary>
/// The saved plan file: JSON, <c>{ "kind", "format_version", "digest", "plan" }</c>, documented in docs/saved-plans.md.
/// The digest is SHA-256 over the canonical text of <c>plan</c> (keys sorted, compact, numbers and strings as written),
/// so any change to what the plan says — a body, an id, a hash, a date — makes the file refuse to load; reformatting
/// it does not. It detects an altered or damaged file, not a forged one: anyone who can write the file can also
/// recompute the digest (and <c>apply</c> checks every planned body against the manifests anyway).
/// </summary>
public static class SavedPlanFile
{
    public static string Write(SavedPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var content = SavedPlanJson.ToNode(plan);
        var root = new JsonObject
        {
            ["kind"] = SavedPlan.Kind,
            ["format_version"] = SavedPlan.FormatVersion,
            ["digest"] = Digest(content),
            ["plan"] = content,
        };
        return CanonicalJson.Serialize(root, indented: true) + "\n";
    }

    /// <exception cref="SavedPlanFileException">Not a saved plan, another format version, or altered since it was written.</exception>
    public static SavedPlan Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        JsonObject root;
        try
        {
            root = JsonNode.Parse(text) as JsonObject ?? throw new SavedPlanFileException("it is not a saved plan (not a JSON object)");
        }
        catch (JsonException e)
        {
            throw new SavedPlanFileException($"it is not a saved plan (not JSON: {e.Message})", e);
        }

        if (root["kind"]?.GetValueKind() != JsonValueKind.String || root["kind"]!.GetValue<string>() != SavedPlan.Kind)
        {
            throw new SavedPlanFileException($"it is not a saved plan (no \"kind\": \"{SavedPlan.Kind}\"); write one with `reconciler plan DIR --out FILE`");
        }

        if (root["format_version"] is not JsonValue version || version.GetValueKind() != JsonValueKind.Number || version.GetValue<decimal>() != SavedPlan.FormatVersion)
        {
            throw new SavedPlanFileException($"it is a saved plan of another format version ({root["format_version"]?.ToJsonString() ?? "none"}); this reconciler applies version {SavedPlan.FormatVersion}");
        }

        if (root["plan"] is not JsonObject content || root["digest"]?.GetValueKind() != JsonValueKind.String)
        {
            throw new SavedPlanFileException("it is damaged: \"plan\" or \"digest\" is missing");
        }

        if (!string.Equals(root["digest"]!.GetValue<string>(), Digest(content), StringComparison.Ordinal))
        {
            throw new SavedPlanFileException("it was altered after it was written: its digest does not match what it holds");
        }

        try
        {
            return SavedPlanJson.FromNode(content);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or JsonException or ArgumentException or KeyNotFoundException)
        {
            throw new SavedPlanFileException($"it is damaged: {e.Message}", e);
        }
    }

    private static string Digest(JsonNode content) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalJson.Serialize(CanonicalJson.SortKeys(content)))));
}
