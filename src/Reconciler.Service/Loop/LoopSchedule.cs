using Reconciler.Core.Ledger;
using Reconciler.Core.Reconciling;

namespace Reconciler.Service.Loop;

/// <summary>When the loop next wakes, and what is due then.</summary>
/// <param name="Due">The timers due at <paramref name="At"/>.</param>
public readonly record struct Wake(DateTimeOffset At, TriggerSet Due);

/// <summary>
/// The service's schedule as a value, like Flux's <c>RequeueAfter</c>: from the ledger, the timers and the time,
/// <see cref="Next"/> says when the loop wakes and what is due (poll: interval plus seeded jitter, doubled per failed
/// fetch up to RetryMax; resync; the next refresh slice; the first per-task retry while a window is open; the sync window opening with changes
/// waiting), <see cref="Due"/> merges that with the requests into the pass to run, and <see cref="After"/> moves the
/// timers on. Pure: no clock, no randomness (the jitter sample is an argument), no host; a leader and a follower
/// differ only in what may be due (a follower only polls).
/// </summary>
/// <param name="NotBefore">After a failed pass, timers wait until then (requests do not).</param>
/// <param name="NextRefresh">The next slice of live reads (refresh on); unknown (MaxValue) until a run has planned the fleet.</param>
public sealed record LoopSchedule(ScheduleSettings Settings, DateTimeOffset NextPoll, DateTimeOffset NextResync, DateTimeOffset NotBefore, int FetchFailures)
{
    public DateTimeOffset NextRefresh { get; init; } = DateTimeOffset.MaxValue;

    /// <summary>A new loop polls at once and resyncs one resync period later; refresh slices start one tick after the first plan.</summary>
    public static LoopSchedule Start(ScheduleSettings settings, DateTimeOffset now) => new(settings, now, now + settings.Resync, DateTimeOffset.MinValue, 0);

    /// <param name="leading">False on a follower: only the poll is scheduled.</param>
    /// <param name="fetched">Something was fetched: a retry has something to re-plan.</param>
    public Wake Next(TaskLedger ledger, bool leading, bool fetched, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var timers = new List<(DateTimeOffset At, RunTrigger Trigger)> { (NextPoll, RunTrigger.Poll) };
        if (leading)
        {
            timers.Add((NextResync, RunTrigger.Resync));
            if (fetched && Settings.Refresh && NextRefresh != DateTimeOffset.MaxValue)
            {
                timers.Add((NextRefresh, RunTrigger.Refresh));
            }

            // A retry only when it could run now (else it would wake the loop for nothing): fetched, and a window open.
            if (fetched && Settings.Windows?.IsOpen(now) != false && ledger.NextRetryAt is { } retry)
            {
                timers.Add((retry, RunTrigger.Retry));
            }

            if (ledger.PendingForWindow && Settings.Windows is { } windows)
            {
                timers.Add((windows.NextOpening(now), RunTrigger.Window));
            }
        }

        var earliest = timers.Min(t => t.At);
        var at = earliest > NotBefore ? earliest : NotBefore;
        var horizon = at > now ? at : now;
        return new Wake(at, timers.Where(t => t.At <= horizon).Aggregate(TriggerSet.None, (due, t) => due.With(t.Trigger)));
    }

    /// <summary>The pass to run at <paramref name="now"/>: the timers due by then, merged with the requests.</summary>
    public PassOrder Due(TriggerSet requested, long syncTicket, TaskLedger ledger, bool leading, bool fetched, DateTimeOffset now)
    {
        var wake = Next(ledger, leading, fetched, now);
        var triggers = (wake.At <= now ? wake.Due : TriggerSet.None).Union(requested);
        return new PassOrder(triggers, syncTicket, Settings.Refresh && (triggers.Has(RunTrigger.Resync) || triggers.Has(RunTrigger.Refresh)));
    }

    /// <summary>The timers after a pass that ended at <paramref name="now"/>; <paramref name="jitter"/> is a sample in [0, 1).</summary>
    public LoopSchedule After(PassResult pass, DateTimeOffset now, double jitter)
    {
        ArgumentNullException.ThrowIfNull(pass);
        if (pass.Crashed)
        {
            // A broken pass (a bug, the state store busy) is reported; a retry already due would fail the same way at once.
            return this with { NextPoll = now + PollDelay(FetchFailures, jitter), NextResync = now + Settings.Resync, NotBefore = now + Settings.Interval };
        }

        var next = this;
        if (pass.Fetch is { } fetch)
        {
            var failures = fetch == FetchOutcome.Failed ? FetchFailures + 1 : 0;
            next = next with { FetchFailures = failures, NextPoll = (pass.FetchedAt ?? now) + PollDelay(failures, jitter) };
        }
        else if (pass.Followed)
        {
            next = next with { NextPoll = now + PollDelay(FetchFailures, jitter) };
        }

        if (pass.Reconciled || pass.StartedAt >= NextResync)
        {
            next = next with { NextResync = now + Settings.Resync };
        }

        if (Settings.Refresh && pass.RefreshTick is { } tick && (pass.Refreshed || NextRefresh == DateTimeOffset.MaxValue || pass.StartedAt >= NextRefresh))
        {
            // The next slice one tick after this one (or after the first plan, which tells the fleet's size).
            next = next with { NextRefresh = now + tick };
        }

        if (pass.Reconciled && pass.FailedRuns > 0)
        {
            // A run that failed (the state store is unusable) would fail the same way at once: back off, doubling up to RetryMax.
            next = next with { NotBefore = now + FailureBackoff(Settings.Interval, Settings.RetryMax, pass.FailedRuns) };
        }

        return next;
    }

    /// <summary>
    /// After <paramref name="failures"/> failures in a row (fetches or runs): the interval doubled per further
    /// failure, capped at <paramref name="max"/>, never less than one interval. 1 → interval, 2 → 2×, 3 → 4×…
    /// </summary>
    public static TimeSpan FailureBackoff(TimeSpan interval, TimeSpan max, int failures)
    {
        var delay = interval * Math.Pow(2, Math.Clamp(failures - 1, 0, 20));
        return delay < max ? delay : (max > interval ? max : interval);
    }

    /// <summary>The interval plus up to <c>Jitter × interval</c>, doubled for each failed fetch in a row (capped at RetryMax).</summary>
    private TimeSpan PollDelay(int fetchFailures, double jitter) =>
        (fetchFailures > 0 ? FailureBackoff(Settings.Interval, Settings.RetryMax, fetchFailures + 1) : Settings.Interval)
        + (Settings.Interval * (jitter * Settings.Jitter));
}
