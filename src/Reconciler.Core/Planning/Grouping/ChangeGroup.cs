using Reconciler.Core.Diagnostics;

namespace Reconciler.Core.Planning.Grouping;

/// <summary>
/// Plan entries whose changes are identical: the same action and the same field changes (same paths, same
/// before → after), or for adoptions the same body apart from identity and name; and the same notes and
/// warnings. A reviewer reads the change once and sees who gets it; renderers list the members on request.
/// </summary>
/// <param name="Number">1-based, in display order; what every format calls the group ("group 1").</param>
/// <param name="Changes">The shared change (for an adoption: every field of the shared body but <c>name</c>, as added).</param>
/// <param name="Warnings">Warnings every member carries (same code, message and JSON path), said once; locations are the first member's.</param>
/// <param name="Members">The grouped entries, in plan order.</param>
public sealed record ChangeGroup(
    int Number,
    PlanAction Action,
    IReadOnlyList<FieldChange> Changes,
    IReadOnlyList<Diagnostic> Warnings,
    IReadOnlyList<PlanEntry> Members)
{
    public int Count => Members.Count;

    /// <summary>The first member: what every member shares (its notes, its flavour) is read from it.</summary>
    public PlanEntry First => Members[0];

    /// <summary>How many members each account (<c>user_id</c>) holds, most first, then by id.</summary>
    public IReadOnlyList<AccountCount> Accounts { get; } = Members
        .GroupBy(m => m.Identity.UserId, StringComparer.Ordinal)
        .Select(g => new AccountCount(g.Key, g.Count()))
        .OrderByDescending(a => a.Count)
        .ThenBy(a => a.UserId, StringComparer.Ordinal)
        .ToList();

    /// <summary>The changed paths (JSON Pointers into the PUT body), in change order.</summary>
    public IReadOnlyList<string> Paths => Changes.Select(c => c.Path).ToList();
}
