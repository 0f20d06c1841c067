using System.Text.Json;
using Json.Schema;
using Reconciler.Core.Json;

namespace Reconciler.Core.Validation.Keywords;

/// <summary><c>const</c> with exact equality; see <see cref="ExactEnumKeyword"/> for why.</summary>
internal sealed class ExactConstKeyword : IKeywordHandler
{
    public string Name => "const";

    public object? ValidateKeywordValue(JsonElement value) => null;

    public void BuildSubschemas(KeywordData keyword, BuildContext context)
    {
    }

    public KeywordEvaluation Evaluate(KeywordData keyword, EvaluationContext context) =>
        ExactBound.Result(Name, JsonEquivalence.Equal(context.Instance, keyword.RawValue), "the value is not the const value");
}
