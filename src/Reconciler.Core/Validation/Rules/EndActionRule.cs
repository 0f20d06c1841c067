using Reconciler.Core.Diagnostics;

namespace Reconciler.Core.Validation.Rules;

/// <summary>"任务结束动作 此动作不能与动态坐席同时开启": end_action cannot be set with elasticity_type on.</summary>
public sealed class EndActionRule : IManifestRule
{
    public IEnumerable<Diagnostic> Check(ManifestDocument document)
    {
        var spec = document.Spec;
        if (spec is not null && spec.ContainsKey("end_action") && spec["end_action"] is not null && ManifestDocument.IsTruthy(spec["elasticity_type"]))
        {
            yield return document.Error(
                "end-action-elasticity",
                "end_action (任务结束动作) cannot be set while elasticity_type (动态坐席) is true; remove one of them",
                "/spec/end_action");
        }
    }
}
