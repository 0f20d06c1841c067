using Reconciler.Core.Policies;

namespace Reconciler.Core.Reconciling;

/// <summary>How the engine applies: the same knobs for <c>apply</c> and the service.</summary>
/// <param name="Parallelism">Requests in flight at once (default 4, like Flux's concurrent reconciles).</param>
/// <param name="RunningCheck">Read each task's running state before applying, so "blocked: running" is known up front.</param>
/// <param name="GracePeriod">After cancellation, how long requests already sent may take to finish (their answers are recorded).</param>
/// <param name="SyncWindows">When applying is allowed; null: at any time.</param>
/// <param name="Verify">Read every accepted update back and compare it (<see cref="Applying.Verification"/>): one detail read per PUT.</param>
/// <param name="Rollout">Send in batches and halt on a bad one (the CLI's <c>--batch</c>); null: everything at once.</param>
/// <param name="ReadBudget">
/// How long the running check's detail reads of one pass may take together (each is also bounded by the client's read
/// timeout); a task not read by then is skipped for the pass. Null: no bound beyond each read's own (the CLI).
/// </param>
public sealed record ReconcileSettings(
    int Parallelism = 4,
    bool RunningCheck = true,
    TimeSpan? GracePeriod = null,
    SyncSchedule? SyncWindows = null,
    TimeSpan? ReadBudget = null,
    bool Verify = false,
    Applying.Rollout.RolloutOptions? Rollout = null);
