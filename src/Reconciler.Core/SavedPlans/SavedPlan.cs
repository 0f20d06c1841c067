namespace Reconciler.Core.SavedPlans;

/// <summary>
/// A plan written by <c>plan --out FILE</c> and applied, exactly, by <c>apply FILE</c>: what it was made against (the
/// state's identity and serial, the endpoint, the manifests) and, per task, what it replaces and the body it sends.
/// Only the changes are kept (update, adopt, unmanage); nothing else is ever applied from it.
/// </summary>
/// <param name="CreatedAt">When the plan was made: <c>apply</c> refuses one older than its maximum age.</param>
/// <param name="Summary">The plan's summary line when it was made (unchanged tasks included), for display.</param>
public sealed record SavedPlan(
    DateTimeOffset CreatedAt,
    SavedState State,
    SavedSource Source,
    SavedPlanOptions Options,
    string Summary,
    IReadOnlyList<SavedEntry> Entries)
{
    /// <summary>The file's format; a reader refuses any other.</summary>
    public const int FormatVersion = 1;

    /// <summary>What a saved plan file says it is (its <c>kind</c>).</summary>
    public const string Kind = "reconciler/saved-plan";
}
