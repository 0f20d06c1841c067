using Reconciler.Core.Diagnostics;

namespace Reconciler.Core.Planning;

/// <summary>
/// The result of comparing desired tasks with the last-applied inventory: one entry per task,
/// ordered deterministically (action, then file, then identity).
/// </summary>
/// <param name="Revision">The source revision that was planned (a commit id), if known.</param>
/// <param name="BaseRevision">For a pull-request plan, the revision it was compared with.</param>
public sealed record Plan(IReadOnlyList<PlanEntry> Entries, string? Revision, string? BaseRevision = null)
{
    public PlanSummary Summary => PlanSummary.Of(Entries);

    public bool HasErrors => Entries.Any(e => e.Action == PlanAction.Invalid);

    /// <summary>Every diagnostic of every entry, sorted by place.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => DiagnosticOrder.Sort(Entries.SelectMany(e => e.Diagnostics));

    public IEnumerable<PlanEntry> Changes => Entries.Where(e => e.Action is PlanAction.Update or PlanAction.Adopt or PlanAction.Unmanage);
}
