using System.Text.Json.Nodes;
using Reconciler.Core.Json;

namespace Reconciler.Core.Normalization;

/// <summary>
/// Builds the body we send from a manifest's <c>spec</c>: adds what the API insists on and the
/// sub-account from metadata, then puts it in canonical form.
/// </summary>
/// <remarks>
/// The additions are made while writing the canonical text, so the manifest's tree is neither copied nor
/// changed (a copy of every document's tree was a measurable share of loading many manifests).
/// </remarks>
public static class BodyNormalizer
{
    /// <summary>"line&amp;holiday参数除外,不传线路信息也需传递空数组": these two must always be sent.</summary>
    public static readonly IReadOnlyList<string> AlwaysSentLists = ["line", "holiday"];

    public static CanonicalBody Normalize(JsonObject spec, string? subUserId)
    {
        var extras = spec["task_extras"] as JsonObject;
        var utf8 = CanonicalWriter.Write(spec, (obj, depth) =>
        {
            if (depth == 0 && ReferenceEquals(obj, spec))
            {
                return subUserId is null ? null : [KeyValuePair.Create("sub_user_id", (JsonNode?)JsonValue.Create(subUserId))];
            }

            if (depth == 1 && ReferenceEquals(obj, extras))
            {
                var missing = AlwaysSentLists.Where(l => !obj.ContainsKey(l)).Select(l => KeyValuePair.Create(l, (JsonNode?)new JsonArray())).ToList();
                return missing.Count == 0 ? null : missing;
            }

            return null;
        });
        return CanonicalBody.FromCanonicalUtf8(utf8);
    }
}
