using Reconciler.Core.Planning;
using Reconciler.Core.Rendering;

namespace Reconciler.GitHub;

/// <summary>
/// Where a plan of one baseline lives on a pull request: its own hidden comment marker and its own commit
/// status context. A CI plan (against the base revision) and the service's plan (against the live state) are
/// two separate comments and two statuses, so neither overwrites the other.
/// </summary>
/// <param name="WholePlan">Where a reader finds the whole plan when the comment had to be cut (the end of its truncation note).</param>
public sealed record PlanChannel(BaselineKind Baseline, string Marker, string StatusContext, string WholePlan)
{
    /// <summary>CI: <c>reconciler plan --base …</c>, what the change set changes.</summary>
    public static readonly PlanChannel BaseRevision = new(BaselineKind.BaseRevision, "<!-- task-reconciler:plan -->", "reconciler/plan", MarkdownOptions.DefaultWholePlan);

    /// <summary>The service (or <c>plan</c> against a state file): what applying the head would send now.</summary>
    public static readonly PlanChannel LiveState = new(
        BaselineKind.LiveState,
        "<!-- task-reconciler:plan-live -->",
        "reconciler/plan-live",
        "For the whole plan, run `reconciler plan` on this branch against the service's state (`--state`); `--list-grouped` lists every grouped task.");

    public static PlanChannel For(BaselineKind baseline) => baseline == BaselineKind.BaseRevision ? BaseRevision : LiveState;
}
