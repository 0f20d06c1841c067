using Reconciler.Core.Policies;
using Reconciler.Core.Applying;
using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;
using Reconciler.Core.State;

namespace Reconciler.Service.Status;

/// <summary>Turns a run (its plan, what was applied, what is held back) into the per-task lines of <c>/status</c>.</summary>
internal static class TaskStatusViews
{
    public static IReadOnlyList<TaskStatusView> Build(Plan plan, ApplyReport? report, TaskBackoff backoff, IReadOnlySet<TaskIdentity> heldBack, bool windowOpen)
    {
        var results = report?.Results.Where(r => r.Entry.Identity is not null).ToDictionary(r => r.Entry.Identity!) ?? [];
        return plan.Entries.Select(entry =>
        {
            var identity = entry.Identity;
            var held = identity is null ? null : backoff.Get(identity);
            var view = new TaskStatusView(
                identity?.UserId, identity?.TaskId, entry.Name, entry.File, entry.Action.ToWord(), "in_sync", null, null, held?.Failures ?? 0, held?.LastAttemptAt, held?.RetryAt, []);
            return entry.Action switch
            {
                PlanAction.Unchanged => view,
                PlanAction.Suspended => view with { State = "suspended" },
                PlanAction.Invalid => view with { State = "invalid", Errors = entry.Errors.Select(d => d.ToString()).ToList() },
                PlanAction.Unmanage => view with { State = windowOpen ? "unmanaged" : "pending_window" },
                _ when identity is not null && results.TryGetValue(identity, out var result) => view with
                {
                    State = result.Outcome.ToString().ToLowerInvariant(),
                    ApiCode = result.ApiCode,
                    Message = result.Outcome == ApplyOutcome.Applied ? null : result.Message,
                },
                _ when identity is not null && heldBack.Contains(identity) => view with { State = "held_back", ApiCode = held?.ApiCode, Message = held?.Message },
                _ => view with { State = "pending_window" },
            };
        }).ToList();
    }
}
