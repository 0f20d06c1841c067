using Reconciler.Core.Applying;
using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;
using Reconciler.Core.State;

namespace Reconciler.Core.Policies;

/// <summary>
/// Per-task exponential backoff, so a task that keeps failing is not re-sent on every pass (never hammer a
/// failing API): blocked (6007), failed and unauthorized wait <c>base × 2^(n-1)</c> up to a maximum;
/// rejected waits until its manifest changes. A changed desired body is always tried at once: it is new
/// input, not a retry. Seeded from the attempt history at start, so a restart does not reset it. Thread-safe.
/// </summary>
public sealed class TaskBackoff(TimeSpan baseDelay, TimeSpan maxDelay)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TaskIdentity, BackoffEntry> _entries = [];

    public BackoffEntry? Get(TaskIdentity identity)
    {
        lock (_gate)
        {
            return _entries.GetValueOrDefault(identity);
        }
    }

    /// <summary>The earliest instant a held-back task may be retried, if any.</summary>
    public DateTimeOffset? NextRetryAt()
    {
        lock (_gate)
        {
            return _entries.Values.Where(e => e.RetryAt is not null).Select(e => e.RetryAt).Min();
        }
    }

    /// <summary>The backoff that holds this entry's PUT back now, if any: same body as the last failed attempt, and its delay has not passed.</summary>
    public BackoffEntry? HeldBack(PlanEntry entry, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Identity is null || !entry.Action.SendsPut())
        {
            return null;
        }

        lock (_gate)
        {
            return _entries.GetValueOrDefault(entry.Identity) is { } held
                && held.BodyHash == entry.Desired?.Body.Hash
                && (held.RetryAt is null || now < held.RetryAt)
                ? held
                : null;
        }
    }

    public void Record(IEnumerable<TaskApplyResult> results, DateTimeOffset now)
    {
        lock (_gate)
        {
            foreach (var result in results.Where(r => r.Entry.Identity is not null))
            {
                Record(result.Entry.Identity!, result.Outcome, result.Entry.Desired?.Body.Hash, result.ApiCode, result.Message, now);
            }
        }
    }

    /// <summary>Forgets tasks that no longer need a PUT (applied by someone, removed from git, fixed).</summary>
    public void KeepOnly(IEnumerable<TaskIdentity> pending)
    {
        var keep = pending.ToHashSet();
        lock (_gate)
        {
            foreach (var identity in _entries.Keys.Where(k => !keep.Contains(k)).ToList())
            {
                _entries.Remove(identity);
            }
        }
    }

    /// <summary>Rebuilds the table from the attempt history (newest first), as if those attempts had just been recorded.</summary>
    public void Seed(IEnumerable<ApplyAttempt> newestFirst)
    {
        lock (_gate)
        {
            foreach (var attempts in newestFirst.GroupBy(a => a.Identity))
            {
                var streak = attempts.Where(a => a.Outcome is not (ApplyOutcome.Stopped or ApplyOutcome.Cancelled))
                    .TakeWhile(a => a.Outcome != ApplyOutcome.Applied)
                    .ToList();
                if (streak.Count == 0)
                {
                    continue;
                }

                var last = streak[0];
                _entries[attempts.Key] = Entry(attempts.Key, last.Outcome, streak.Count, last.At, last.BodyHash, last.ApiCode, last.Message);
            }
        }
    }

    public TimeSpan DelayAfter(int failures)
    {
        var exponent = Math.Clamp(failures - 1, 0, 30);
        var delay = baseDelay * Math.Pow(2, exponent);
        return delay < maxDelay ? delay : maxDelay;
    }

    private void Record(TaskIdentity identity, ApplyOutcome outcome, string? bodyHash, int? apiCode, string? message, DateTimeOffset now)
    {
        switch (outcome)
        {
            case ApplyOutcome.Applied:
                _entries.Remove(identity);
                return;
            case ApplyOutcome.Cancelled or ApplyOutcome.Stopped:
                return;
        }

        var failures = (_entries.GetValueOrDefault(identity)?.Failures ?? 0) + 1;
        _entries[identity] = Entry(identity, outcome, failures, now, bodyHash, apiCode, message);
    }

    private BackoffEntry Entry(TaskIdentity identity, ApplyOutcome outcome, int failures, DateTimeOffset at, string? bodyHash, int? apiCode, string? message) =>
        new(identity, outcome, failures, at, bodyHash, apiCode, message, outcome == ApplyOutcome.Rejected ? null : at + DelayAfter(failures));
}
