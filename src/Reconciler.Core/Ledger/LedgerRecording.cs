using System.Collections.Immutable;
using Reconciler.Core.Applying;
using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;
using Reconciler.Core.Reconciling;
using Reconciler.Core.State;

namespace Reconciler.Core.Ledger;

/// <summary>How one finished run changes the ledger: a pure function of the ledger and the run.</summary>
internal static class LedgerRecording
{
    public static TaskLedger After(TaskLedger ledger, ReconcileRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Plan is not { } plan)
        {
            // The run failed before planning (the fetch, the state store): it knows nothing new about any task.
            return ledger;
        }

        var now = run.Record.StartedAt + run.Record.Duration;
        var tasks = ledger.Tasks.ToBuilder();
        void Change(TaskIdentity identity, Func<TaskMemory, TaskMemory> change)
        {
            var changed = change(tasks.GetValueOrDefault(identity) ?? TaskMemory.None);
            if (changed.IsEmpty)
            {
                tasks.Remove(identity);
            }
            else
            {
                tasks[identity] = changed;
            }
        }

        var results = run.Report?.Results ?? [];

        // A request a platform failure kept from being sent (unreachable, a token refused) is no attempt of the task's.
        foreach (var result in results.Where(r => !(r.Platform is not null && r.Delivery == RequestDelivery.NotSent)))
        {
            Change(result.Entry.Identity, m => m with { Backoff = Backoff(ledger.Retry, m.Backoff, result, now), Heals = Heals(m.Heals, result, now) });
        }

        // A task that did not answer its detail read in time backs off like a failed one: the next passes do not wait for it again.
        foreach (var slow in plan.Entries.Where(e => e.Deferral?.Kind == DeferralKind.SlowAnswer))
        {
            Change(slow.Identity, m => m with
            {
                Backoff = TaskLedger.Backoff(ledger.Retry, slow.Identity, ApplyOutcome.Failed, (m.Backoff?.Failures ?? 0) + 1, now, slow.Desired?.Body.Hash, null, slow.Deferral!.Reason),
            });
        }

        // Only tasks that still need a PUT keep a backoff (applied by someone else, removed from git, fixed: forgotten).
        var needPut = plan.Entries.Where(e => e.Action.SendsPut()).Select(e => e.Identity).ToHashSet();
        foreach (var identity in tasks.Keys.Where(k => !needPut.Contains(k) && tasks[k].Backoff is not null).ToList())
        {
            Change(identity, m => m with { Backoff = null });
        }

        // A change held back until an earlier request's deadline: remembered so the loop wakes then; forgotten otherwise.
        var waiting = plan.Entries.Where(e => e.Deferral is { Kind: DeferralKind.InFlight, RetryAt: not null })
            .ToDictionary(e => e.Identity, e => e.Deferral!.RetryAt);
        foreach (var identity in tasks.Keys.Where(k => tasks[k].WaitsUntil is not null).Concat(waiting.Keys).Distinct().ToList())
        {
            Change(identity, m => m with { WaitsUntil = waiting.GetValueOrDefault(identity) });
        }

        RecordDrift(plan, results, Change, tasks.Keys.ToList());
        foreach (var identity in tasks.Keys.Where(k => !tasks[k].Heals.IsEmpty).ToList())
        {
            Change(identity, m => m with { Heals = m.Heals.RemoveAll(at => now - at >= TaskLedger.HealWindow) });
        }

        return new TaskLedger(ledger.Retry, tasks.ToImmutable(), run.PendingForWindow);
    }

    public static IReadOnlyList<(TaskIdentity Task, IReadOnlyList<string> Fields)> NewlyDrifted(TaskLedger ledger, ReconcileRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Plan is { } plan && plan.Entries.Any(e => e.Refreshed)
            ? plan.Entries.Where(e => e.Reason == UpdateReason.Drift && ledger.Get(e.Identity).DriftFields is null)
                .Select(e => (e.Identity, Fields(e)))
                .ToList()
            : [];
    }

    /// <summary>
    /// Only a run that refreshed knows drift (the live tasks are read on the resync timer): it replaces what is
    /// known. Runs in between keep it, except for tasks they re-applied.
    /// </summary>
    private static void RecordDrift(Plan plan, IReadOnlyList<TaskApplyResult> results, Action<TaskIdentity, Func<TaskMemory, TaskMemory>> change, IReadOnlyList<TaskIdentity> known)
    {
        var applied = results.Where(r => r.Outcome == ApplyOutcome.Applied).Select(r => r.Entry.Identity).ToHashSet();
        if (!plan.Entries.Any(e => e.Refreshed))
        {
            foreach (var identity in applied)
            {
                change(identity, m => m with { DriftFields = null });
            }

            return;
        }

        var drifted = plan.Entries
            .Where(e => e.Reason == UpdateReason.Drift && !applied.Contains(e.Identity))
            .ToDictionary(e => e.Identity, Fields);
        foreach (var identity in known.Concat(drifted.Keys).Distinct().ToList())
        {
            change(identity, m => m with { DriftFields = drifted.GetValueOrDefault(identity) });
        }
    }

    private static BackoffEntry? Backoff(RetryPolicy retry, BackoffEntry? before, TaskApplyResult result, DateTimeOffset now) => result.Outcome switch
    {
        ApplyOutcome.Applied => null,
        ApplyOutcome.Cancelled or ApplyOutcome.Stopped => before,
        _ => TaskLedger.Backoff(retry, result.Entry.Identity, result.Outcome, (before?.Failures ?? 0) + 1, now, result.Entry.Desired?.Body.Hash, result.ApiCode, result.Message),
    };

    private static ImmutableList<DateTimeOffset> Heals(ImmutableList<DateTimeOffset> heals, TaskApplyResult result, DateTimeOffset now) =>
        result.Outcome == ApplyOutcome.Applied && result.Entry.Reason == UpdateReason.Drift ? heals.Add(now) : heals;

    private static IReadOnlyList<string> Fields(PlanEntry entry) => entry.Changes.Select(c => Planner.Display(c.Path)).ToList();
}
