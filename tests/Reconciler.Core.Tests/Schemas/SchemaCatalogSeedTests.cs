using System.Text.Json.Nodes;
using Reconciler.Core.Manifests;
using Reconciler.Core.Validation;
using Xunit;

namespace Reconciler.Core.Tests.Schemas;

public sealed class SchemaCatalogSeedTests
{
    private static readonly SchemaCatalog Catalog = SchemaCatalog.Default;

    public static IEnumerable<object[]> Seeds() => SeedBodies.All();

    [Theory]
    [MemberData(nameof(Seeds))]
    public void EvaluateBody_SeedExample_IsAccepted(ApiFlavour flavour, string language)
    {
        var body = SeedBodies.Load(flavour, language);

        Assert.Empty(Catalog.EvaluateBody(flavour, SeedBodies.Element(body)));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void EvaluateManifest_SeedExampleWrapped_IsAccepted(ApiFlavour flavour, string language)
    {
        var manifest = SeedBodies.Manifest(flavour.ToApiVersion(), SeedBodies.Load(flavour, language));

        Assert.Empty(Catalog.EvaluateManifest(SeedBodies.Element(manifest)));
    }

    [Theory]
    [InlineData("curl", 3)]
    [InlineData("go", 1)]
    [InlineData("javascript", 1)]
    public void SeedFixture_VariableList_HasTheDocumentsEntryCount(string language, int expected)
    {
        var body = SeedBodies.Load(ApiFlavour.V2, language);

        Assert.Equal(expected, body["task_extras"]!["destination_extension_with_variable_list"]!.AsArray().Count);
    }

    [Fact]
    public void SeedFixtures_OnlyTheCurlExampleCarriesGroupSwitchRule()
    {
        var carriers = SeedBodies.Languages.Where(l => SeedBodies.Load(ApiFlavour.V2, l).ContainsKey("group_switch_rule"));

        Assert.Equal(["curl"], carriers);
    }

    [Theory]
    [InlineData("\"215870475195883520\"")]
    [InlineData("215870475195883520")]
    public void EvaluateBody_IdBeyondDoublePrecision_IsAccepted(string id)
    {
        var body = SeedBodies.Load(ApiFlavour.V2, "curl");
        body["destination_extension"] = JsonNode.Parse(id);
        body["task_extras"]!["destination_extension_list"]![0]!["destination_extension"] = JsonNode.Parse(id);
        body["task_extras"]!["destination_extension_multi_config"] = new JsonObject
        {
            ["dial_mode"] = 0,
            ["list"] = new JsonArray(new JsonObject { ["destination_extension"] = JsonNode.Parse(id), ["sort"] = 1 }),
        };

        Assert.Empty(Catalog.EvaluateBody(ApiFlavour.V2, SeedBodies.Element(body)));
        Assert.Empty(Catalog.EvaluateManifest(SeedBodies.Element(SeedBodies.Manifest("tasks/v2", body))));
    }

    [Fact]
    public void EvaluateBody_MultiConfigFromTheCommentedBlock_IsAccepted()
    {
        // The 请求参数 block is not JSON, but its destination_extension_multi_config part is the only example of it.
        var body = SeedBodies.Load(ApiFlavour.V2, "go");
        body["is_group_switch"] = 3;
        body["task_extras"]!["destination_extension_multi_config"] = JsonNode.Parse(
            """{"dial_mode": 0, "list": [{"destination_extension": "13601", "sort": 1}, {"destination_extension": "13716", "sort": 2}]}""");

        Assert.Empty(Catalog.EvaluateBody(ApiFlavour.V2, SeedBodies.Element(body)));
    }

    [Fact]
    public void Default_IsBuiltOnce()
    {
        Assert.Same(SchemaCatalog.Default, SchemaCatalog.Default);
    }

    [Fact]
    public void EvaluateBody_FromManyThreads_GivesTheSameErrors()
    {
        var body = SeedBodies.Load(ApiFlavour.V2, "curl");
        body["maximumcal"] = 1;
        body["task_extras"]!["redial_interval"] = 61;
        var element = SeedBodies.Element(body);
        var expected = Catalog.EvaluateBody(ApiFlavour.V2, element);

        var results = new IReadOnlyList<SchemaError>[64];
        Parallel.For(0, results.Length, i => results[i] = Catalog.EvaluateBody(ApiFlavour.V2, element));

        Assert.Equal(2, expected.Count);
        Assert.All(results, r => Assert.Equal(expected, r));
    }
}
