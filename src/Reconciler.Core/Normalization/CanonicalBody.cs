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

    /// <summary>From text that is already canonical (as <see cref="Json.CanonicalWriter"/> writes it), as UTF-8.</summary>
    internal static CanonicalBody FromCanonicalUtf8(byte[] utf8) =>
        new(System.Text.Encoding.UTF8.GetString(utf8), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(utf8)));

    public JsonNode ToNode() => CanonicalJson.Parse(Json)!;

    public override string ToString() => Json;
}
