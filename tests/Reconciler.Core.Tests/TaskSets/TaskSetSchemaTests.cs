using System.Text.Json;
using System.Text.Json.Nodes;
using Reconciler.Core.Loading;
using Reconciler.Core.Manifests;
using Reconciler.Core.TaskSets;
using Reconciler.Core.Tests.Schemas;

namespace Reconciler.Core.Tests.TaskSets;

/// <summary>taskset.schema.json: compiled to the fast check, which never calls valid what JsonSchema.Net refuses; its partial bodies mirror the body schemas.</summary>
public sealed class TaskSetSchemaTests
{
    private static readonly TaskSetSchema Schema = TaskSetSchema.Default;

    private static IEnumerable<(string Name, JsonObject Set)> BaseSets()
    {
        var loader = new YamlManifestLoader();
        var sample = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "testdata", "sample-repo", "collections", "card-overdue-regions.yaml"));
        foreach (var (name, text) in new[] { ("sample", sample), ("inline", TaskSetFixtures.Inline()) })
        {
            yield return (name, loader.Load(ManifestFile.FromText("tasks/set.yaml", text)).Documents.Single().CreateNode()!.AsObject());
        }
    }

    [Fact]
    public void Schema_CompilesToTheFastCheck()
    {
        Assert.True(Schema.HasFastCheck);
    }

    [Fact]
    public void FastCheck_BaseSetsAreCertainlyValid()
    {
        foreach (var (name, set) in BaseSets())
        {
            Assert.True(Schema.EvaluateFully(JsonSerializer.SerializeToElement(set)).Count == 0, $"{name} should be valid");
            Assert.True(Schema.IsCertainlyValid(set), $"{name}: the fast check should prove it valid");
        }
    }

    [Fact]
    public void FastCheck_OneValueMutations_NeverValidWhereJsonSchemaNetIsNot()
    {
        var checkedVariants = 0;
        var invalidVariants = 0;
        foreach (var (name, set) in BaseSets())
        {
            foreach (var (pointer, variant) in FastSchemaCheckTests.Mutations(set))
            {
                checkedVariants++;
                var slowValid = Schema.EvaluateFully(JsonSerializer.SerializeToElement(variant)).Count == 0;
                invalidVariants += slowValid ? 0 : 1;
                if (Schema.IsCertainlyValid(JsonNode.Parse(variant.ToJsonString())))
                {
                    Assert.True(slowValid, $"{name} with {pointer} changed: the fast check says valid, JsonSchema.Net does not: {variant.ToJsonString()}");
                }
            }
        }

        Assert.True(checkedVariants > 1_000, $"only {checkedVariants} variants");
        Assert.True(invalidVariants > checkedVariants / 3, $"only {invalidVariants} of {checkedVariants} variants invalid");
    }

    [Theory]
    [InlineData("task-body-v2.schema.json", "templateV2", "taskExtrasV2")]
    [InlineData("task-body-v2-legacy.schema.json", "templateV2Legacy", "taskExtrasV2Legacy")]
    public void PartialBodies_NameEveryFieldOfTheBodySchema(string body, string template, string extras)
    {
        // A field added to a body schema must be added to the set schema's partial body too (or a template refuses it).
        var bodyRoot = Schema.Roots[body];
        var defs = Schema.Roots[TaskSetSchema.File].GetProperty("$defs");

        Assert.Equal(Names(bodyRoot.GetProperty("properties")), Names(defs.GetProperty(template).GetProperty("properties")));
        Assert.Equal(Names(bodyRoot.GetProperty("$defs").GetProperty("taskExtras").GetProperty("properties")), Names(defs.GetProperty(extras).GetProperty("properties")));
        Assert.False(defs.GetProperty(template).TryGetProperty("required", out _));
    }

    private static List<string> Names(JsonElement properties) => properties.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
}
