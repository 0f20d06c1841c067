using System.Text.Json;
using Json.Schema;
using Json.Schema.Keywords;
using Reconciler.Core.Json;

namespace Reconciler.Core.Validation.Keywords;

/// <summary><c>uniqueItems</c> with exact equality; see <see cref="ExactEnumKeyword"/> for why.</summary>
internal sealed class ExactUniqueItemsKeyword : UniqueItemsKeyword
{
    public override KeywordEvaluation Evaluate(KeywordData keyword, EvaluationContext context)
    {
        if (keyword.RawValue.ValueKind != JsonValueKind.True || context.Instance.ValueKind != JsonValueKind.Array)
        {
            return KeywordEvaluation.Ignore;
        }

        var items = context.Instance.EnumerateArray().ToList();
        var unique = true;
        for (var i = 0; i < items.Count && unique; i++)
        {
            for (var j = i + 1; j < items.Count && unique; j++)
            {
                unique = !JsonEquivalence.Equal(items[i], items[j]);
            }
        }

        return ExactBound.Result(Name, unique, "the array has duplicate items");
    }
}
