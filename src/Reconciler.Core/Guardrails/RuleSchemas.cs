using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Reconciler.Core.Validation.Keywords;

namespace Reconciler.Core.Guardrails;

/// <summary>
/// Builds a rule's JSON Schema with JsonSchema.Net (draft 2020-12, with the exact numbers and ECMA-262 patterns our own
/// schemas use) in a private registry that never fetches: a rule can only refer inside itself.
/// </summary>
internal static class RuleSchemas
{
    private static readonly Uri Base = new("https://task-reconciler.invalid/policy/");

    public static JsonSchema? Build(JsonNode written, out string? problem)
    {
        problem = null;
        if (written is not JsonObject && written.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            problem = "a schema is a mapping (or true/false)";
            return null;
        }

        try
        {
            var registry = new SchemaRegistry { Fetch = static (_, _) => null };
            var options = new BuildOptions { SchemaRegistry = registry, Dialect = ExactDialect.Draft202012, DialectRegistry = ExactDialect.Registry() };
            using var document = JsonDocument.Parse(written.ToJsonString());
            return JsonSchema.Build(document.RootElement.Clone(), options, new Uri(Base, "rule.json"));
        }
#pragma warning disable CA1031 // The library throws several types for a malformed schema; each is the user's diagnostic, not a crash.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            problem = e.Message;
            return null;
        }
    }
}
