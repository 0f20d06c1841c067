namespace Reconciler.TaskApi;

/// <summary>
/// Where the platform is and how hard to try. The CLI binds <c>--api-url</c> / <c>RECONCILER_API_URL</c> to
/// <see cref="BaseAddress"/>; tests use millisecond delays and timeouts.
/// </summary>
public sealed class TaskApiOptions
{
    public const string DefaultBaseAddress = "https://ai.api.longlonglong.cn";

    /// <summary>https, or http only for loopback (the simulator). Checked by <see cref="TaskApiBaseAddress.Problem"/>.</summary>
    public Uri BaseAddress { get; set; } = new(DefaultBaseAddress);

    /// <summary>Retries after the first attempt (0: none).</summary>
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>First retry delay; later ones grow exponentially, with jitter, up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap of the computed backoff (a server's Retry-After is honoured as sent, within <see cref="TotalTimeout"/>).</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    public bool UseJitter { get; set; } = true;

    /// <summary>
    /// Longest Retry-After the client waits for within one call. A server asking for more gets no retry now:
    /// the call fails (transient) and the next reconcile loop tries again, instead of one call holding a worker.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Longest one attempt may take before it counts as a (retried) timeout.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest one call may take, retries and their delays included (an update ends sooner at its <see cref="UpdateDeadline"/>).</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>
    /// The hard end-to-end deadline of one update (PUT), from just before its intent is recorded: the call is abandoned
    /// then, and no attempt starts later than <see cref="AttemptTimeout"/> before it. Recorded with the intent, so
    /// whoever applies next knows when the request can no longer land (docs/state.md, Deadlines). At least twice the
    /// attempt timeout, so one retry fits.
    /// </summary>
    public TimeSpan UpdateDeadline { get; set; } = TimeSpan.FromSeconds(75);

    /// <summary>Longest one detail or list read may take in all: its retries and its answer's body (one that drips is cut off).</summary>
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Most requests a second this process sends to the platform, every attempt of every call counted, all workers
    /// together (null: no limit). A 429 pauses every worker for its Retry-After whether or not this is set.
    /// </summary>
    public double? MaxRequestsPerSecond { get; set; }

    /// <summary>The range <see cref="MaxRequestsPerSecond"/> accepts.</summary>
    public const double LowestRate = 0.1, HighestRate = 10_000;

    /// <summary>Largest answer read (a task detail is a few kilobytes).</summary>
    public long MaxResponseBytes { get; set; } = 4 * 1024 * 1024;
}
