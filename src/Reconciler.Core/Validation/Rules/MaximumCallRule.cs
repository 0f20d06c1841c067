using System.Text.Json;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Manifests;

namespace Reconciler.Core.Validation.Rules;

/// <summary>
/// "maximumcall为所选线路的总并发数之和…必须为设置线路数量整除": the total is split evenly over the chosen
/// lines, so it must divide by their number (an error). "平均并发数不得超过选用线路的 residue 值": the share
/// of each line may not exceed the line's <c>residue</c>, which the document does not define and no body field
/// carries; we compare with the line's <c>limit</c> instead (新版 only, our proxy) and say so in a warning.
/// </summary>
internal sealed class MaximumCallRule : IManifestRule
{
    private const string At = "/spec/maximumcall";

    public IEnumerable<Diagnostic> Check(ManifestDocument document)
    {
        var total = IntegerValues.Read(document, At, out var unreadable);
        if (unreadable is not null)
        {
            yield return unreadable;
        }

        if (total is not { } calls || ManifestDocument.Count(ManifestDocument.Child(document.TaskExtras, "line")) is not (> 0 and var lines))
        {
            yield break;
        }

        if (calls % lines != 0)
        {
            yield return document.Error(
                "maximumcall-lines",
                $"maximumcall {calls} must divide evenly by the number of lines ({lines}): each line gets maximumcall / lines",
                At);
            yield break;
        }

        if (document.Flavour != ApiFlavour.V2)
        {
            yield break;
        }

        var share = calls / lines;
        for (var i = 0; i < lines; i++)
        {
            var pointer = $"/spec/task_extras/line/{i}/limit";
            var limit = IntegerValues.Read(document, pointer, out var badLimit);
            if (badLimit is not null)
            {
                yield return badLimit;
            }
            else if (limit is { } max && share > max)
            {
                yield return document.Warning(
                    "maximumcall-line-limit",
                    $"each line gets {share} concurrent calls (maximumcall {calls} / {lines} lines), more than this line's limit {max}; the document's rule is that the share may not exceed the line's residue (平均并发数不得超过选用线路的 residue 值), which no body field carries, so we cannot check it and compare with limit instead",
                    pointer);
            }
        }
    }
}
