using Reconciler.Core.Diagnostics;

namespace Reconciler.Core.Validation.Rules;

/// <summary>
/// "任务结束动作 此动作不能与动态坐席同时开启": an end action cannot be on while elasticity_type is on. The document never says
/// which end_action values are an action, so <c>end_action: 0</c> (by common convention "none") gets a warning, not an error:
/// whether the platform counts it as an action is unknown. Any other value is an error.
/// </summary>
public sealed class EndActionRule : IManifestRule
{
    public IEnumerable<Diagnostic> Check(ManifestDocument document)
    {
        var spec = document.Spec;
        if (spec is null || spec["end_action"] is not { } endAction || !ManifestDocument.IsTruthy(spec["elasticity_type"]))
        {
            yield break;
        }

        if (IntegerValues.TryRead(endAction, out var action) && action == 0)
        {
            yield return document.Warning(
                "end-action-zero-elasticity",
                "end_action 0 while elasticity_type (动态坐席) is true: the document says an end action cannot be on together with elastic seats but never defines end_action's values, so whether 0 counts as an action is unknown; the platform may refuse this update",
                "/spec/end_action");
            yield break;
        }

        yield return document.Error(
            "end-action-elasticity",
            "end_action (任务结束动作) cannot be set while elasticity_type (动态坐席) is true; remove one of them",
            "/spec/end_action");
    }
}
