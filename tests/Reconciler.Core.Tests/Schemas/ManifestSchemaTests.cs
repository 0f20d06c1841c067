using System.Text.Json.Nodes;
using Reconciler.Core.Manifests;
using Reconciler.Core.Validation;
using Xunit;

namespace Reconciler.Core.Tests.Schemas;

/// <summary>The envelope, task.schema.json: apiVersion, kind, metadata, and spec checked by its flavour.</summary>
public sealed class ManifestSchemaTests
{
    private const string PathSegmentMessage =
        "must be an integer or a non-empty string of letters, digits, '-', '_', '.' or '~' (not '.' or '..')";

    private static IReadOnlyList<SchemaError> Evaluate(Action<JsonObject> change, string apiVersion = "tasks/v2")
    {
        var flavour = ApiFlavours.FromApiVersion(apiVersion) ?? ApiFlavour.V2;
        var manifest = SeedBodies.Manifest(apiVersion, SeedBodies.Load(flavour, "curl"));
        change(manifest);
        return SchemaCatalog.Default.EvaluateManifest(SeedBodies.Element(manifest));
    }

    private static JsonObject Metadata(JsonObject manifest) => manifest["metadata"]!.AsObject();

    private static void AssertSingle(string pointer, string keyword, string message, IReadOnlyList<SchemaError> errors) =>
        Assert.Equal([new SchemaError(pointer, keyword, message)], errors);

    [Theory]
    [InlineData("tasks/v3")]
    [InlineData("v2")]
    [InlineData("Tasks/V2")]
    public void EvaluateManifest_WrongApiVersion_IsOneErrorNamingTheAllowedValues(string apiVersion)
    {
        // The spec is broken too, but without a known flavour there is nothing to check it against.
        var errors = Evaluate(m =>
        {
            m["apiVersion"] = apiVersion;
            m["spec"]!["maximumcal"] = 1;
        });

        AssertSingle("/apiVersion", "enum", "must be one of 'tasks/v2' (新版任务2.0), 'tasks/v2-legacy' (旧版任务2.0)", errors);
    }

    [Fact]
    public void EvaluateManifest_ApiVersionMissing_IsOneError()
    {
        AssertSingle("", "required", "missing required field 'apiVersion'", Evaluate(m => m.Remove("apiVersion")));
    }

    [Theory]
    [InlineData("kind")]
    [InlineData("metadata")]
    [InlineData("spec")]
    public void EvaluateManifest_TopLevelFieldMissing_IsRefused(string field)
    {
        AssertSingle("", "required", $"missing required field '{field}'", Evaluate(m => m.Remove(field)));
    }

    [Fact]
    public void EvaluateManifest_WrongKind_IsRefused()
    {
        AssertSingle("/kind", "const", "must be 'Task'", Evaluate(m => m["kind"] = "Job"));
    }

    [Fact]
    public void EvaluateManifest_UnknownTopLevelField_IsRefused()
    {
        AssertSingle("/status", "additionalProperties", "unknown field 'status'", Evaluate(m => m["status"] = new JsonObject()));
    }

    [Fact]
    public void EvaluateManifest_UnknownMetadataField_IsRefused()
    {
        AssertSingle("/metadata/name", "additionalProperties", "unknown field 'name'", Evaluate(m => Metadata(m)["name"] = "x"));
    }

    [Theory]
    [InlineData("user_id")]
    [InlineData("task_id")]
    public void EvaluateManifest_IdentityMissing_IsRefused(string field)
    {
        AssertSingle("/metadata", "required", $"missing required field '{field}'", Evaluate(m => Metadata(m).Remove(field)));
    }

    [Theory]
    [InlineData("\"..\"")]
    [InlineData("\".\"")]
    [InlineData("\"a/b\"")]
    [InlineData("\"\"")]
    [InlineData("\"f232 d184\"")]
    [InlineData("\"任务\"")]
    [InlineData("-1")]
    [InlineData("true")]
    [InlineData("null")]
    public void EvaluateManifest_TaskIdNotPathSafe_IsOneMessage(string value)
    {
        AssertSingle("/metadata/task_id", "anyOf", PathSegmentMessage, Evaluate(m => Metadata(m)["task_id"] = JsonNode.Parse(value)));
    }

    [Fact]
    public void EvaluateManifest_UserIdNotPathSafe_IsOneMessage()
    {
        AssertSingle("/metadata/user_id", "anyOf", PathSegmentMessage, Evaluate(m => Metadata(m)["user_id"] = "../admin"));
    }

    [Theory]
    [InlineData("42")]
    [InlineData("\"215870475195883520\"")]
    [InlineData("215870475195883520")]
    [InlineData("\"task-1.v2_a~b\"")]
    public void EvaluateManifest_TaskIdIntegerOrSafeString_IsAccepted(string value)
    {
        Assert.Empty(Evaluate(m => Metadata(m)["task_id"] = JsonNode.Parse(value)));
    }

    [Fact]
    public void EvaluateManifest_AllMetadataOptions_AreAccepted()
    {
        Assert.Empty(Evaluate(m =>
        {
            Metadata(m)["sub_user_id"] = "5b55bcca-d653-4a58-8f9a-437fb0601f8e";
            Metadata(m)["suspend"] = false;
            Metadata(m)["stop_before_update"] = true;
            Metadata(m)["labels"] = new JsonObject { ["team"] = "华东", ["campaign"] = "renewals" };
            Metadata(m)["annotations"] = new JsonObject { ["owner"] = "ops@example.invalid" };
        }));
    }

    [Fact]
    public void EvaluateManifest_SubUserIdWithUnsafeCharacters_IsRefused()
    {
        AssertSingle(
            "/metadata/sub_user_id",
            "pattern",
            "must contain only letters, digits, '-', '_', '.' or '~'",
            Evaluate(m => Metadata(m)["sub_user_id"] = "5b55bcca d653"));
    }

    [Fact]
    public void EvaluateManifest_SubUserIdNotString_IsATypeError()
    {
        AssertSingle("/metadata/sub_user_id", "type", "must be a string, not a number", Evaluate(m => Metadata(m)["sub_user_id"] = 5));
    }

    [Theory]
    [InlineData("suspend")]
    [InlineData("stop_before_update")]
    public void EvaluateManifest_SwitchNotBoolean_IsATypeError(string field)
    {
        AssertSingle($"/metadata/{field}", "type", "must be true or false, not a string", Evaluate(m => Metadata(m)[field] = "yes"));
    }

    [Theory]
    [InlineData("labels")]
    [InlineData("annotations")]
    public void EvaluateManifest_MapValueNotString_IsATypeError(string field)
    {
        var errors = Evaluate(m => Metadata(m)[field] = new JsonObject { ["priority"] = 1 });

        AssertSingle($"/metadata/{field}/priority", "type", "must be a string, not a number", errors);
    }

    [Fact]
    public void EvaluateManifest_LabelsNotAMap_IsATypeError()
    {
        AssertSingle("/metadata/labels", "type", "must be an object, not an array", Evaluate(m => Metadata(m)["labels"] = new JsonArray("a")));
    }

    [Fact]
    public void EvaluateManifest_SubUserIdInSpec_PointsToMetadata()
    {
        AssertSingle(
            "/spec/sub_user_id",
            "not",
            "set the sub-account in metadata.sub_user_id, not in spec",
            Evaluate(m => m["spec"]!["sub_user_id"] = "5b55bcca-d653-4a58-8f9a-437fb0601f8e"));
    }

    [Fact]
    public void EvaluateManifest_SpecProblem_IsReportedUnderSpec()
    {
        var errors = Evaluate(m =>
        {
            m["spec"]!["maximumcal"] = 2;
            m["spec"]!["task_extras"]!.AsObject().Remove("pop_mode");
        });

        Assert.Equal(
            [
                new SchemaError("/spec/maximumcal", "additionalProperties", "unknown field 'maximumcal' (did you mean 'maximumcall'?)"),
                new SchemaError("/spec/task_extras", "required", "missing required field 'pop_mode'"),
            ],
            errors);
    }

    [Fact]
    public void EvaluateManifest_TypoOfARequiredField_IsOneErrorAtTheTypoWithTheSuggestionFirst()
    {
        var errors = Evaluate(m =>
        {
            var spec = m["spec"]!.AsObject();
            spec["maximumcal"] = spec["maximumcall"]!.DeepClone();
            spec.Remove("maximumcall");
        });

        AssertSingle(
            "/spec/maximumcal",
            "additionalProperties",
            "unknown field 'maximumcal' — did you mean 'maximumcall'? (required field 'maximumcall' is missing)",
            errors);
    }

    [Fact]
    public void EvaluateManifest_LegacySpecWithNewV2Field_IsRefusedNamingTheFlavour()
    {
        var errors = Evaluate(m => m["spec"]!["task_extras"]!["pop_mode"] = 1, "tasks/v2-legacy");

        AssertSingle(
            "/spec/task_extras/pop_mode",
            "not",
            "field 'pop_mode' is only accepted with apiVersion tasks/v2 (新版任务2.0), not tasks/v2-legacy (旧版任务2.0)",
            errors);
    }

    [Fact]
    public void EvaluateManifest_SpecNotAnObject_IsATypeError()
    {
        AssertSingle("/spec", "type", "must be an object, not a string", Evaluate(m => m["spec"] = "name: x"));
    }

    [Fact]
    public void EvaluateManifest_DocumentNotAnObject_IsATypeError()
    {
        var errors = SchemaCatalog.Default.EvaluateManifest(SeedBodies.Element(new JsonArray(1, 2)));

        AssertSingle("", "type", "must be an object, not an array", errors);
    }
}
