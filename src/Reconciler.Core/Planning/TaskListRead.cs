namespace Reconciler.Core.Planning;

/// <summary>
/// What listing tasks gave: the tasks of every page read, or why the list could not be read (with the tasks of the
/// pages read before the problem).
/// </summary>
/// <param name="Tasks">The listed tasks, in the platform's order, each id once.</param>
/// <param name="Problem">Why the list could not be read whole (never holds a token); null when it was.</param>
public sealed record TaskListRead(IReadOnlyList<ListedTask> Tasks, string? Problem)
{
    /// <summary>The listed task ids, in order.</summary>
    public IReadOnlyList<string> TaskIds => Tasks.Select(t => t.TaskId).ToList();

    /// <summary>How many pages were read.</summary>
    public int PagesRead { get; init; }

    /// <summary>The number of tasks the platform said it has (<c>meta.total</c>), when it said.</summary>
    public long? ReportedTotal { get; init; }

    /// <summary>
    /// True when the page bound (<see cref="TaskListQuery.MaxPages"/>) stopped the listing before the platform said
    /// it was done: tasks may be missing, and the caller must say so.
    /// </summary>
    public bool Truncated { get; init; }

    /// <summary>Set when the list could not be read because of the platform or the account (unreachable, token refused).</summary>
    public Applying.PlatformFailure? Platform { get; init; }
}
