using System.Text.Json.Nodes;

namespace Reconciler.Core.Normalization;

/// <summary>
/// Builds the body we send from a manifest's <c>spec</c>: adds what the API insists on and the
/// sub-account from metadata, then puts it in canonical form.
/// </summary>
public static class BodyNormalizer
{
    /// <summary>"line&amp;holiday参数除外,不传线路信息也需传递空数组": these two must always be sent.</summary>
    public static readonly IReadOnlyList<string> AlwaysSentLists = ["line", "holiday"];

    public static CanonicalBody Normalize(JsonObject spec, string? subUserId)
    {
        var body = (JsonObject)spec.DeepClone();
        if (body["task_extras"] is JsonObject extras)
        {
            foreach (var list in AlwaysSentLists.Where(l => !extras.ContainsKey(l)))
            {
                extras[list] = new JsonArray();
            }
        }

        if (subUserId is not null)
        {
            body["sub_user_id"] = subUserId;
        }

        return CanonicalBody.FromNode(body);
    }
}
