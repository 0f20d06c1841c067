using System.Collections.Immutable;
using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;
using Reconciler.Core.Reconciling;
using Reconciler.Core.State;

namespace Reconciler.Core.Ledger;

/// <summary>
/// The one owner of what is remembered of each task between runs: its backoff (failures in a row, the body they
/// sent, the next retry time), what the last refresh found drifted, its self-heals within the hour (fights), and
/// whether changes wait for the sync window. Immutable: <see cref="After"/> takes a finished run and returns the
/// next ledger, the only way it changes; deferrals (<c>DeferralPolicy</c>, <c>DriftPolicy</c>), the service's
/// schedule and the task states (<c>TaskStandings</c>) all read it. A follower builds one from the shared attempt
/// history (<see cref="FromHistory"/>).
/// </summary>
public sealed class TaskLedger
{
    /// <summary>How long a self-heal counts towards a fight.</summary>
    public static readonly TimeSpan HealWindow = TimeSpan.FromHours(1);

    /// <summary>Nothing remembered, with the default retry policy (an explicit <c>apply</c> keeps no memory).</summary>
    public static readonly TaskLedger Empty = new(RetryPolicy.Default);

    private readonly ImmutableDictionary<TaskIdentity, TaskMemory> _tasks;

    public TaskLedger(RetryPolicy retry)
        : this(retry ?? throw new ArgumentNullException(nameof(retry)), ImmutableDictionary<TaskIdentity, TaskMemory>.Empty, pendingForWindow: false)
    {
    }

    internal TaskLedger(RetryPolicy retry, ImmutableDictionary<TaskIdentity, TaskMemory> tasks, bool pendingForWindow)
    {
        Retry = retry;
        _tasks = tasks;
        PendingForWindow = pendingForWindow;
        NextRetryAt = tasks.Values.Select(m => m.Backoff?.RetryAt).Concat(tasks.Values.Select(m => m.WaitsUntil)).Where(at => at is not null).Min();
        DriftedCount = tasks.Values.Count(m => m.DriftFields is not null);
    }

    public RetryPolicy Retry { get; }

    /// <summary>The last run planned changes while no sync window was open: they are applied when one opens.</summary>
    public bool PendingForWindow { get; }

    /// <summary>The earliest instant a held-back task may be retried, or a change waiting for an earlier request's deadline sent, if any (rejected tasks have none).</summary>
    public DateTimeOffset? NextRetryAt { get; }

    /// <summary>Tasks last seen drifted.</summary>
    public int DriftedCount { get; }

    internal ImmutableDictionary<TaskIdentity, TaskMemory> Tasks => _tasks;

    internal TaskMemory Get(TaskIdentity identity) => _tasks.GetValueOrDefault(identity) ?? TaskMemory.None;

    /// <summary>The backoff that holds this entry's PUT back now, if any: the same body as the last failed attempt, and its delay has not passed.</summary>
    internal BackoffEntry? HeldBack(PlanEntry entry, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Action.SendsPut()
            && Get(entry.Identity).Backoff is { } held
            && held.BodyHash == entry.Desired?.Body.Hash
            && (held.RetryAt is null || now < held.RetryAt)
                ? held
                : null;
    }

    /// <summary>How often the task was re-applied after drift within <see cref="HealWindow"/> before <paramref name="now"/>.</summary>
    internal int RecentHeals(TaskIdentity identity, DateTimeOffset now) => Get(identity).Heals.Count(at => now - at < HealWindow);

    /// <summary>The ledger after <paramref name="run"/>: the only way it changes (<see cref="LedgerRecording"/>).</summary>
    public TaskLedger After(ReconcileRun run) => LedgerRecording.After(this, run);

    /// <summary>The drifted tasks of <paramref name="run"/> this ledger did not know as drifted (one log line each, not one per run).</summary>
    public IReadOnlyList<(TaskIdentity Task, IReadOnlyList<string> Fields)> NewlyDrifted(ReconcileRun run) => LedgerRecording.NewlyDrifted(this, run);

    /// <summary>
    /// The backoff rebuilt from the attempt history (newest first), as if those attempts had just been recorded: a
    /// restart, a new leader and a follower all see the retry times the history implies.
    /// </summary>
    public static TaskLedger FromHistory(IEnumerable<ApplyAttempt> newestFirst, RetryPolicy retry)
    {
        ArgumentNullException.ThrowIfNull(newestFirst);
        ArgumentNullException.ThrowIfNull(retry);
        var tasks = ImmutableDictionary.CreateBuilder<TaskIdentity, TaskMemory>();
        foreach (var attempts in newestFirst.GroupBy(a => a.Identity))
        {
            var streak = attempts.Where(a => a.Outcome is not (ApplyOutcome.Stopped or ApplyOutcome.Cancelled))
                .TakeWhile(a => a.Outcome != ApplyOutcome.Applied)
                .ToList();
            if (streak.Count > 0)
            {
                var last = streak[0];
                tasks[attempts.Key] = TaskMemory.None with { Backoff = Backoff(retry, attempts.Key, last.Outcome, streak.Count, last.At, last.BodyHash, last.ApiCode, last.Message) };
            }
        }

        return new TaskLedger(retry, tasks.ToImmutable(), pendingForWindow: false);
    }

    internal static BackoffEntry Backoff(RetryPolicy retry, TaskIdentity identity, ApplyOutcome outcome, int failures, DateTimeOffset at, string? bodyHash, int? apiCode, string? message) =>
        new(identity, outcome, failures, at, bodyHash, apiCode, message, outcome == ApplyOutcome.Rejected ? null : at + retry.DelayAfter(failures));
}
