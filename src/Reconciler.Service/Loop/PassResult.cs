namespace Reconciler.Service.Loop;

/// <summary>What one pass did, as far as the schedule cares.</summary>
/// <param name="StartedAt">When the pass began (timers due by then are answered by it).</param>
/// <param name="Fetch">How the fetch went; null when the pass did not fetch.</param>
/// <param name="FetchedAt">When the fetch ended: the next poll counts from there, not from the end of a long apply.</param>
/// <param name="Followed">A follower's pass read the shared state (and fetched): its next poll is due an interval later.</param>
/// <param name="Reconciled">A run was planned (and applied as far as allowed).</param>
/// <param name="FailedRuns">Runs in a row that ended in an error (the state store): the loop pauses on them.</param>
/// <param name="Crashed">The pass threw: everything waits an interval, so a broken pass is not retried at once.</param>
/// <param name="Refreshed">The run read its slice of live tasks.</param>
/// <param name="RefreshTick">Time between refresh slices for the fleet the run planned (null: no plan yet).</param>
public sealed record PassResult(DateTimeOffset StartedAt, FetchOutcome? Fetch = null, DateTimeOffset? FetchedAt = null, bool Followed = false, bool Reconciled = false, int FailedRuns = 0, bool Crashed = false, bool Refreshed = false, TimeSpan? RefreshTick = null);
