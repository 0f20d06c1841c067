using Reconciler.Core.Diagnostics;

namespace Reconciler.Core.Planning;

/// <summary>
/// The result of comparing desired tasks with a baseline: one entry per task, ordered deterministically
/// (action, then file, then identity). Changes that are planned but not sent now carry a <see cref="Deferral"/>.
/// </summary>
/// <param name="Revision">The source revision that was planned (a commit id), if known.</param>
/// <param name="BaseRevision">For a plan against a base revision, the revision it was compared with.</param>
public sealed record Plan(IReadOnlyList<PlanEntry> Entries, string? Revision, string? BaseRevision = null)
{
    /// <summary>What the manifests were compared with: the live state store, or the base revision.</summary>
    public BaselineKind Compared { get; init; } = BaselineKind.LiveState;

    public PlanSummary Summary => PlanSummary.Of(Rows);

    public bool HasErrors => UnidentifiedDocuments.Count > 0 || Entries.Any(e => e.Action == PlanAction.Invalid) || PolicyProblems.Any(p => p.IsError);

    /// <summary>
    /// Invalid documents whose task identity could not be read, in plan order: they name no task, so they are problems of
    /// the plan beside the entries (every entry has an identity). Counted and shown as invalid rows (<see cref="Rows"/>).
    /// </summary>
    public IReadOnlyList<UnidentifiedDocument> UnidentifiedDocuments { get; init; } = [];

    /// <summary>The entries and the unidentified documents merged in plan order (<see cref="PlanRows"/>): what every format shows.</summary>
    public IReadOnlyList<IPlanRow> Rows => PlanRows.Of(this);

    /// <summary>Whether the plan has nothing at all: no entry and no document.</summary>
    public bool IsEmpty => Entries.Count == 0 && UnidentifiedDocuments.Count == 0;

    /// <summary>
    /// Problems of the plan as a whole, found by the repository's policy (a limit exceeded): they belong to no task, so they
    /// live beside the entries. Located in <c>.reconciler/policy.yaml</c>.
    /// </summary>
    public IReadOnlyList<Diagnostic> PolicyProblems { get; init; } = [];

    /// <summary>The repository's policy this plan was made under (its owners decide the pull request's <c>reconciler/policy</c> status).</summary>
    public Guardrails.RepositoryPolicy Policy { get; init; } = Guardrails.RepositoryPolicy.None;

    /// <summary>Every diagnostic of every entry, and the plan's own, sorted by place.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => DiagnosticOrder.Sort([.. Rows.SelectMany(e => e.Diagnostics), .. PolicyProblems]);

    /// <summary>Entries whose PUT apply sends now (changes that are not deferred).</summary>
    public IEnumerable<PlanEntry> ToSend => Entries.Where(e => e.WillSend);

    /// <summary>Changes that stay in the plan but are not sent now.</summary>
    public IEnumerable<PlanEntry> Deferred => Entries.Where(e => e.Deferral is not null);
}
