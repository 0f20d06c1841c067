using System.Text.Json;
using Json.Schema;
using Reconciler.Core.Json;

namespace Reconciler.Core.Validation.Keywords;

/// <summary>
/// <c>enum</c> with exact equality (<see cref="JsonEquivalence"/>). JsonSchema.Net 8.0.5 compares numbers through
/// <c>JsonElement.GetDecimal</c>, which throws for <c>1e29</c> or <c>1e400</c> and takes <c>1e-400</c> for 0 (and its
/// <c>Evaluate</c> cannot be overridden, so this is a handler of its own).
/// </summary>
internal sealed class ExactEnumKeyword : IKeywordHandler
{
    public string Name => "enum";

    public object? ValidateKeywordValue(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? null : throw new JsonSchemaException($"'{Name}' value must be an array, found {value.ValueKind}");

    public void BuildSubschemas(KeywordData keyword, BuildContext context)
    {
    }

    public KeywordEvaluation Evaluate(KeywordData keyword, EvaluationContext context) =>
        ExactBound.Result(Name, keyword.RawValue.EnumerateArray().Any(value => JsonEquivalence.Equal(context.Instance, value)), "the value is not one of the enum's values");
}
