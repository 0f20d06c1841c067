namespace Reconciler.Service;

/// <summary>
/// The clock that schedules the service (polls, resync, backoff, windows). Kept apart from the container's
/// <see cref="TimeProvider"/>, which the HTTP client's retries and timeouts use: a test's fake clock must move
/// the schedule without freezing every HTTP timeout.
/// </summary>
public sealed record ServiceClock(TimeProvider Time);
