using System.Text.Json.Nodes;
using Reconciler.Core.Json;

namespace Reconciler.Core.Normalization;

/// <summary>
/// The exact PUT body we would send, in canonical text (compact, keys sorted, numbers as written),
/// and its SHA-256. Two manifests that differ only in formatting, comments, key order or quoting
/// style of equal values have equal canonical bodies.
/// </summary>
public sealed record CanonicalBody(string Json, string Hash)
{
    public static CanonicalBody FromJson(string json)
    {
        var canonical = CanonicalJson.Serialize(CanonicalJson.SortKeys(CanonicalJson.Parse(json)));
        return new CanonicalBody(canonical, CanonicalJson.Hash(canonical));
    }

    public static CanonicalBody FromNode(JsonNode node)
    {
        var canonical = CanonicalJson.Serialize(CanonicalJson.SortKeys(node));
        return new CanonicalBody(canonical, CanonicalJson.Hash(canonical));
    }

    public JsonNode ToNode() => CanonicalJson.Parse(Json)!;

    public override string ToString() => Json;
}
