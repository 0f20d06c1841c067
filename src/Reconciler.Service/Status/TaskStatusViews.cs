using Reconciler.Core.Applying;
using Reconciler.Core.Planning;
using Reconciler.Core.Policies;
using Reconciler.Core.Reconciling;
using Reconciler.Core.State;

namespace Reconciler.Service.Status;

/// <summary>Turns a finished run (its plan, with deferrals as data, and what was applied) into the per-task lines of <c>/status</c>.</summary>
internal static class TaskStatusViews
{
    /// <param name="drift">What the last refresh found drifted; null where nothing reads the platform (apply, a follower).</param>
    public static IReadOnlyList<TaskStatusView>? Build(ReconcileRun run, TaskBackoff backoff, DriftMemory? drift = null)
    {
        if (run.Plan is not { } plan)
        {
            return null;
        }

        var results = run.Report?.Results.Where(r => r.Entry.Identity is not null).ToDictionary(r => r.Entry.Identity!) ?? [];
        return plan.Entries.Select(entry =>
        {
            var identity = entry.Identity;
            var held = identity is null ? null : backoff.Get(identity);
            var view = new TaskStatusView(
                identity?.UserId, identity?.TaskId, entry.Name, entry.File, entry.Action.ToWord(), "in_sync", null, null, held?.Failures ?? 0, held?.LastAttemptAt, held?.RetryAt, [])
            {
                InDoubt = entry.Reason == UpdateReason.InDoubt,
                DriftFields = identity is null ? null : drift?.Fields(identity),
            };
            return entry.Action switch
            {
                PlanAction.Unchanged => view,
                PlanAction.Suspended => view with { State = "suspended" },
                PlanAction.Invalid => view with { State = "invalid", Errors = entry.Errors.Select(d => d.ToString()).ToList() },
                _ when identity is not null && results.TryGetValue(identity, out var result) => view with
                {
                    State = result.Outcome.ToString().ToLowerInvariant(),
                    ApiCode = result.ApiCode,
                    Message = result.Outcome == ApplyOutcome.Applied ? null : result.Message,
                    LeftStopped = result.Stopped,
                },
                _ when entry.Deferral is { Kind: DeferralKind.HeldBack } deferral => view with { State = "held_back", ApiCode = deferral.ApiCode, Message = deferral.LastMessage },
                _ when entry.Deferral is { Kind: DeferralKind.OutsideWindow } => view with { State = "pending_window" },
                _ when entry.Deferral is { Kind: DeferralKind.DriftReported } => view with { State = "drifted" },
                _ when entry.Deferral is { Kind: DeferralKind.Fighting } deferral => view with { State = "fighting", Message = deferral.Reason },
                _ when entry.Deferral is { Kind: DeferralKind.SourceIncomplete } deferral => view with { State = "pending", Message = deferral.Reason },
                PlanAction.Unmanage => view with { State = "unmanaged" },

                // A change that was neither applied nor deferred: the run stopped before it (cancelled, state failure).
                _ => view with { State = "pending" },
            };
        }).ToList();
    }
}
