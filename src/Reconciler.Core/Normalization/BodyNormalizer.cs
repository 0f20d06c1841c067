using System.Text.Json;
using System.Text.Json.Nodes;
using Reconciler.Core.Json;

namespace Reconciler.Core.Normalization;

/// <summary>
/// Builds the body we send from a manifest's <c>spec</c>: adds what the API insists on and the
/// sub-account from metadata, then puts it in canonical form.
/// </summary>
/// <remarks>
/// The additions are made while writing the canonical text, straight from the manifest's read-only element, so
/// the manifest is neither copied nor changed (a copy of every document's tree was a measurable share of loading
/// many manifests).
/// </remarks>
public static class BodyNormalizer
{
    /// <summary>"line&amp;holiday参数除外,不传线路信息也需传递空数组": these two must always be sent.</summary>
    public static readonly IReadOnlyList<string> AlwaysSentLists = ["line", "holiday"];

    private static readonly JsonElement EmptyList = JsonDocument.Parse("[]").RootElement;

    public static CanonicalBody Normalize(JsonObject spec, string? subUserId) =>
        Normalize(JsonSerializer.SerializeToElement(spec), subUserId);

    /// <param name="spec">The manifest's <c>spec</c>, an object.</param>
    public static CanonicalBody Normalize(JsonElement spec, string? subUserId)
    {
        var utf8 = CanonicalWriter.Write(spec, (obj, key, depth) =>
        {
            if (depth == 0)
            {
                return subUserId is null ? null : [KeyValuePair.Create("sub_user_id", StringElement(subUserId))];
            }

            if (depth == 1 && key == "task_extras")
            {
                var missing = AlwaysSentLists.Where(l => !obj.TryGetProperty(l, out _)).Select(l => KeyValuePair.Create(l, EmptyList)).ToList();
                return missing.Count == 0 ? null : missing;
            }

            return null;
        });
        return CanonicalBody.FromCanonicalUtf8(utf8);
    }

    /// <summary>
    /// A JSON string as an element, written as <c>JsonSerializer</c> would write it, without its reflection-based
    /// path: the validate path is compiled with native AOT (<c>reconciler-validate</c>), where that path is not there.
    /// </summary>
    private static JsonElement StringElement(string value)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStringValue(value);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }
}
