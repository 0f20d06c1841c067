using System.Text.Json;
using Json.Schema;
using Reconciler.Core.Guardrails;
using Reconciler.Core.Loading;
using Reconciler.Core.Manifests;
using Reconciler.Testing;

namespace Reconciler.Core.Tests.Guardrails;

/// <summary><c>schemas/policy.schema.json</c> (for editors) agrees with the reader about the sample policy and the example.</summary>
public sealed class PolicySchemaTests
{
    public static TheoryData<string> Policies => new()
    {
        File.ReadAllText(RepositoryRoot.Combine("sample-repo", ".reconciler", "policy.yaml")),
        PolicyTestFiles.Example,
    };

    [Theory]
    [MemberData(nameof(Policies))]
    public void Policy_ReadWithoutProblems_IsValidAgainstTheEditorSchema(string yaml)
    {
        var file = ManifestFile.FromText(RepositoryPolicy.FilePath, yaml);
        Assert.Empty(PolicyFileReader.Read(file).Diagnostics);
        var schema = JsonSchema.FromText(File.ReadAllText(RepositoryRoot.Combine("schemas", "policy.schema.json")));
        var document = new YamlManifestLoader().Load(file).Documents[0];

        var results = schema.Evaluate(document.Element, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(results.IsValid, JsonSerializer.Serialize(results));
    }

    [Fact]
    public void Policy_UnknownKey_IsRefusedByBoth()
    {
        var file = ManifestFile.FromText(RepositoryPolicy.FilePath, "limits: {max_changed: 3}\n");
        var schema = JsonSchema.FromText(File.ReadAllText(RepositoryRoot.Combine("schemas", "policy.schema.json")));

        Assert.NotEmpty(PolicyFileReader.Read(file).Diagnostics);
        Assert.False(schema.Evaluate(new YamlManifestLoader().Load(file).Documents[0].Element).IsValid);
    }
}
