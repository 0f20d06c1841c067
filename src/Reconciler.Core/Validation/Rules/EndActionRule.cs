using Reconciler.Core.Diagnostics;

namespace Reconciler.Core.Validation.Rules;

/// <summary>
/// "任务结束动作 此动作不能与动态坐席同时开启": an end action cannot be on while elasticity_type is on. The update document never
/// defines end_action's values; the vendor's 2.0任务创建 page does ("0:无操作 1:暂停任务释放并发", docs/api/neighbouring-endpoints.md),
/// so <c>end_action: 0</c> (no action) is allowed beside elastic seats and any other value is an error.
/// </summary>
internal sealed class EndActionRule : IManifestRule
{
    public IEnumerable<Diagnostic> Check(ManifestDocument document)
    {
        var spec = document.SpecElement;
        if (ManifestDocument.Child(spec, "end_action") is not { } endAction || !ManifestDocument.IsTruthy(ManifestDocument.Child(spec, "elasticity_type"))
            || (IntegerValues.TryRead(endAction, out var action) && action == 0))
        {
            yield break;
        }

        yield return document.Error(
            "end-action-elasticity",
            "end_action (任务结束动作) cannot be set to an action while elasticity_type (动态坐席) is true; use end_action 0 (无操作, no action) or remove one of them",
            "/spec/end_action");
    }
}
