using Reconciler.Core.Manifests;
using Reconciler.Core.Validation;

namespace Reconciler.Core.Tests.Validation;

/// <summary><c>.reconciler.yaml</c>'s allowExtraFields (and the per-manifest annotation) let named undocumented fields through.</summary>
public sealed class RepositorySettingsTests
{
    private static readonly string WithExtras = TestManifests.V2(spec: "\n  some_field: 1", extras: "\n    line: [{id: a, limit: 2, weight: 3}]\n    other: x");

    [Fact]
    public void Evaluate_UnknownBodyField_IsAnErrorThatNamesTheAllowList()
    {
        var invalid = Assert.Single(TestManifests.Evaluate(WithExtras).Invalid);

        var error = invalid.Diagnostics.Single(d => d.JsonPath == "/spec/some_field");
        Assert.Equal("unknown field 'some_field': the API document does not describe it; if the platform accepts it, allow it with allowExtraFields in .reconciler.yaml", error.Message);
        Assert.Equal(3, invalid.Diagnostics.Count);
    }

    [Fact]
    public void Pipeline_SettingsAllowTheFields_TaskIsValidAndSendsThemAsWritten()
    {
        var settings = ManifestFile.FromText(".reconciler.yaml", "allowExtraFields: [spec.some_field, spec.task_extras.other, spec.task_extras.line.*.weight]\n");
        var snapshot = new SourceSnapshot(null, [ManifestFile.FromText("tasks/a.yaml", WithExtras, "blob-1")], []) { Settings = settings };
        var pipeline = new ManifestPipeline();

        var desired = pipeline.Evaluate(snapshot);

        var task = Assert.Single(desired.Tasks);
        Assert.Contains("\"some_field\":1", task.Body.Json, StringComparison.Ordinal);
        Assert.Contains("\"weight\":3", task.Body.Json, StringComparison.Ordinal);

        // Without the settings the cached verdict must not be reused.
        Assert.Empty(pipeline.Evaluate(snapshot with { Settings = null }).Tasks);
    }

    [Fact]
    public void Evaluate_AnnotationAllowsFieldsForOneManifest()
    {
        var yaml = WithExtras.Replace("  task_id:", "  annotations: {reconciler/allow-extra-fields: \"spec.some_field, spec.task_extras.other spec.task_extras.line.*.weight\"}\n  task_id:", StringComparison.Ordinal);

        Assert.Single(TestManifests.Evaluate(yaml).Tasks);
    }

    [Theory]
    [InlineData("allowExtraFields: spec.x\n", "/allowExtraFields")]
    [InlineData("allowExtraFields: [metadata.x]\n", "/allowExtraFields/0")]
    [InlineData("allowExtraField: [spec.x]\n", "/allowExtraField")]
    [InlineData("allowExtraFields: [spec.line.*]\n", "/allowExtraFields/0")]
    public void Parse_BrokenSettings_AreErrorsNamingTheFileAndNothingIsAllowed(string yaml, string pointer)
    {
        var (settings, problems) = RepositorySettings.Parse(ManifestFile.FromText(".reconciler.yaml", yaml));

        Assert.Empty(settings.AllowedExtraFields);
        var problem = Assert.Single(problems);
        Assert.Equal((".reconciler.yaml", pointer), (problem.Location!.File, problem.JsonPath));
    }

    [Fact]
    public void Pipeline_BrokenSettings_MakeThePlanFail()
    {
        var snapshot = new SourceSnapshot(null, [ManifestFile.FromText("tasks/a.yaml", TestManifests.V2())], []) { Settings = ManifestFile.FromText(".reconciler.yaml", "allowExtraFields: [\n") };

        var desired = new ManifestPipeline().Evaluate(snapshot);

        Assert.Contains(desired.Invalid, i => i.File == ".reconciler.yaml");
    }
}
