using System.Text.Json.Nodes;
using Reconciler.Core.Manifests;
using Reconciler.Core.Normalization;
using Reconciler.Core.Tests.Schemas;
using Xunit;

namespace Reconciler.Core.Tests.Normalization;

/// <summary>
/// The normaliser writes the canonical body without copying the tree; its bytes must be exactly those of the
/// straightforward way (copy, add, sort, serialise), or every recorded hash would change.
/// </summary>
public sealed class BodyNormalizerEquivalenceTests
{
    public static IEnumerable<object[]> Seeds() => SeedBodies.All();

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Normalize_SeedBody_IsByteForByteTheSortedCopy(ApiFlavour flavour, string language)
    {
        var spec = SeedBodies.Load(flavour, language);
        foreach (var subUserId in new[] { null, "5b55bcca-d653-4a58-8f9a-437fb0601f8e" })
        {
            foreach (var variant in Variants(spec))
            {
                var before = variant.ToJsonString();

                Assert.Equal(Straightforward(variant, subUserId), BodyNormalizer.Normalize(variant, subUserId));
                Assert.Equal(before, variant.ToJsonString()); // the manifest's tree is left as it was
            }
        }
    }

    /// <summary>The body as is, without its always-sent lists, with a sub_user_id of its own, and with non-ASCII keys and text.</summary>
    private static IEnumerable<JsonObject> Variants(JsonObject spec)
    {
        yield return spec;
        var withoutLists = (JsonObject)spec.DeepClone();
        (withoutLists["task_extras"] as JsonObject)?.Remove("line");
        (withoutLists["task_extras"] as JsonObject)?.Remove("holiday");
        yield return withoutLists;
        var odd = (JsonObject)spec.DeepClone();
        odd["sub_user_id"] = "in-spec";
        odd["Zeta"] = "大写 \"quoted\" \\ </script> \u0001";
        odd["名称"] = JsonNode.Parse("[215870475195883520, 1.50, -0, {\"b\": 1, \"a\": [true, null]}]");
        yield return odd;
    }

    private static CanonicalBody Straightforward(JsonObject spec, string? subUserId)
    {
        var body = (JsonObject)spec.DeepClone();
        if (body["task_extras"] is JsonObject extras)
        {
            foreach (var list in BodyNormalizer.AlwaysSentLists.Where(l => !extras.ContainsKey(l)))
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
