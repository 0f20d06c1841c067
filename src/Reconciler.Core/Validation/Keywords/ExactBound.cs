using System.Text.Json;
using Json.Schema;
using Reconciler.Core.Json;

namespace Reconciler.Core.Validation.Keywords;

/// <summary>
/// <c>minimum</c> and <c>maximum</c> compared exactly (<see cref="ExactNumber"/>): JsonSchema.Net compares through a
/// floating-point or decimal reading, which rounds (2^53 + 1, <c>1e-400</c>) where a bound is close.
/// </summary>
internal static class ExactBound
{
    public static KeywordEvaluation Evaluate(string name, KeywordData keyword, EvaluationContext context, bool isMinimum)
    {
        if (context.Instance.ValueKind != JsonValueKind.Number || keyword.RawValue.ValueKind != JsonValueKind.Number)
        {
            return KeywordEvaluation.Ignore;
        }

        var order = ExactNumber.Of(context.Instance).CompareTo(ExactNumber.Of(keyword.RawValue));
        return Result(name, isMinimum ? order >= 0 : order <= 0, isMinimum ? "the value is below the minimum" : "the value is above the maximum");
    }

    /// <summary>A keyword's answer as JsonSchema.Net gives it: an error text only when invalid (any text is reported as an error).</summary>
    public static KeywordEvaluation Result(string keyword, bool isValid, string error) =>
        new() { Keyword = keyword, IsValid = isValid, Error = isValid ? null : error };
}

/// <summary><c>minimum</c>, exactly (<see cref="ExactBound"/>).</summary>
internal sealed class ExactMinimumKeyword : global::Json.Schema.Keywords.MinimumKeyword
{
    public override KeywordEvaluation Evaluate(KeywordData keyword, EvaluationContext context) => ExactBound.Evaluate(Name, keyword, context, isMinimum: true);
}

/// <summary><c>maximum</c>, exactly (<see cref="ExactBound"/>).</summary>
internal sealed class ExactMaximumKeyword : global::Json.Schema.Keywords.MaximumKeyword
{
    public override KeywordEvaluation Evaluate(KeywordData keyword, EvaluationContext context) => ExactBound.Evaluate(Name, keyword, context, isMinimum: false);
}
