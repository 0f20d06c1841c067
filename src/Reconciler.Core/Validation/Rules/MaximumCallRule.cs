using System.Text.Json.Nodes;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Manifests;

namespace Reconciler.Core.Validation.Rules;

/// <summary>
/// "maximumcall为所选线路的总并发数之和…必须为设置线路数量整除": the total is split evenly over the chosen
/// lines, so it must divide by their number; and (新版) the share of each line should not exceed its limit.
/// </summary>
public sealed class MaximumCallRule : IManifestRule
{
    public IEnumerable<Diagnostic> Check(ManifestDocument document)
    {
        if (ManifestDocument.Integer(document.Spec?["maximumcall"]) is not { } total ||
            document.TaskExtras?["line"] is not JsonArray lines || lines.Count == 0)
        {
            yield break;
        }

        if (total % lines.Count != 0)
        {
            yield return document.Error(
                "maximumcall-lines",
                $"maximumcall {total} must divide evenly by the number of lines ({lines.Count}): each line gets maximumcall / lines",
                "/spec/maximumcall");
            yield break;
        }

        if (document.Flavour != ApiFlavour.V2)
        {
            yield break;
        }

        var share = total / lines.Count;
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i] is JsonObject line && ManifestDocument.Integer(line["limit"]) is { } limit && share > limit)
            {
                yield return document.Warning(
                    "maximumcall-line-limit",
                    $"each line gets {share} concurrent calls (maximumcall {total} / {lines.Count} lines), more than this line's limit {limit}",
                    $"/spec/task_extras/line/{i}/limit");
            }
        }
    }
}
