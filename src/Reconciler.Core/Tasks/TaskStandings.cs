using Reconciler.Core.Applying;
using Reconciler.Core.Ledger;
using Reconciler.Core.Planning;
using Reconciler.Core.Reconciling;
using Reconciler.Core.State;

namespace Reconciler.Core.Tasks;

/// <summary>
/// The one rule that says where each task stands: from a run (its plan, with deferrals as data, and what apply did)
/// and the <see cref="TaskLedger"/> after it. <c>/status</c>, the status page, <c>reconciler status</c> and
/// <c>sync</c>, notifications, metrics and the run's outcome counts all read its answer, so they cannot disagree.
/// </summary>
public static class TaskStandings
{
    /// <summary>
    /// A task's state from its plan entry and, when apply reached it, its result. A rejected body stays
    /// <see cref="TaskState.Rejected"/> on later runs until the manifest changes; held back means a retry time exists.
    /// </summary>
    public static TaskState StateOf(PlanEntry entry, TaskApplyResult? result)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Action switch
        {
            PlanAction.Unchanged => TaskState.InSync,
            PlanAction.Suspended => TaskState.Suspended,
            PlanAction.Invalid => TaskState.Invalid,
            _ when result is not null => Of(result.Outcome),
            _ => entry.Deferral switch
            {
                { Kind: DeferralKind.HeldBack, LastOutcome: ApplyOutcome.Rejected } => TaskState.Rejected,
                { Kind: DeferralKind.HeldBack } => TaskState.HeldBack,
                { Kind: DeferralKind.OutsideWindow } => TaskState.PendingWindow,
                { Kind: DeferralKind.DriftReported } => TaskState.Drifted,
                { Kind: DeferralKind.Fighting } => TaskState.Fighting,
                { Kind: DeferralKind.InFlight } => TaskState.InFlight,
                { Kind: DeferralKind.SlowAnswer } => TaskState.SlowAnswer,
                { Kind: DeferralKind.PolicyBlocked } => TaskState.PolicyBlocked,

                // An unmanage held back because the tree was not read completely: nothing is forgotten yet.
                { Kind: DeferralKind.SourceIncomplete } => TaskState.Pending,

                // A halted or rolled-back revision: never sent, so still planned (not failed).
                { Kind: DeferralKind.RevisionHeld } => TaskState.Pending,
                _ when entry.Action == PlanAction.Unmanage => TaskState.Unmanaged,

                // A change that was neither applied nor deferred: the run stopped before it (cancelled, state failure).
                _ => TaskState.Pending,
            },
        };
    }

    public static TaskLines? Derive(ReconcileRun run, TaskLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Plan is { } plan ? Derive(plan, run.Report, ledger) : null;
    }

    /// <param name="report">What apply did; null for a plan that was not applied (a follower's view).</param>
    /// <returns>The lines in plan order; a task in sync with nothing remembered is held as its manifest (<see cref="TaskLines"/>).</returns>
    public static TaskLines Derive(Plan plan, ApplyReport? report, TaskLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(ledger);
        var results = ResultsByTask(report);
        return TaskLines.From(
            plan.Rows,
            row => row is PlanEntry entry ? TaskLines.InSyncManifest(entry, results.ContainsKey(entry.Identity), ledger.Get(entry.Identity)) : null,
            row => Line(row, results, ledger));
    }

    /// <summary>Every line written out in full, as <see cref="Derive(Plan, ApplyReport?, TaskLedger)"/> held them before <see cref="TaskLines"/>: the reference its tests compare with.</summary>
    public static IReadOnlyList<TaskStanding> DeriveInFull(Plan plan, ApplyReport? report, TaskLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(ledger);
        var results = ResultsByTask(report);
        return plan.Rows.Select(row => Line(row, results, ledger)).ToList();
    }

    private static TaskStanding Line(IPlanRow row, Dictionary<Manifests.TaskIdentity, TaskApplyResult> results, TaskLedger ledger) =>
        row is PlanEntry entry ? Standing(entry, results.GetValueOrDefault(entry.Identity), ledger.Get(entry.Identity)) : Unidentified(row);

    /// <summary>A document that names no task: invalid, with its errors, and nothing remembered of it.</summary>
    private static TaskStanding Unidentified(IPlanRow document) =>
        new(null, null, document.Name, document.File, PlanAction.Invalid, TaskState.Invalid, null, null, 0, null, null, [])
        {
            Errors = document.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()).ToList(),
        };

    private static TaskStanding Standing(PlanEntry entry, TaskApplyResult? result, TaskMemory memory)
    {
        var state = StateOf(entry, result);
        var standing = new TaskStanding(
            entry.Identity.UserId, entry.Identity.TaskId, entry.Name, entry.File, entry.Action, state, null, null,
            memory.Backoff?.Failures ?? 0, memory.Backoff?.LastAttemptAt, memory.Backoff?.RetryAt, [])
        {
            InDoubt = entry.Reason == UpdateReason.InDoubt,
            DriftFields = memory.DriftFields,
        };
        return (state, result, entry.Deferral) switch
        {
            (TaskState.Invalid, _, _) => standing with { Errors = entry.Errors.Select(d => d.ToString()).ToList() },
            (_, { } applied, _) => standing with
            {
                ApiCode = applied.ApiCode,
                // An accepted update that did not read back as sent says so (Verify); a plain success needs no words.
                Message = applied.Outcome != ApplyOutcome.Applied ? applied.Message
                    : applied.Verification is { Outcome: not VerificationOutcome.Verified } verification ? verification.ToString() : null,
                LeftStopped = applied.Stopped,
                UnverifiedFields = applied.Verification is { Outcome: VerificationOutcome.Unverified } unverified ? unverified.Fields : null,
            },
            (TaskState.HeldBack or TaskState.Rejected, _, { } deferral) => standing with { ApiCode = deferral.ApiCode, Message = deferral.LastMessage },
            (TaskState.Fighting, _, { } deferral) => standing with { Message = deferral.Reason },
            (TaskState.Pending, _, { Kind: DeferralKind.RevisionHeld } deferral) => standing with { Message = deferral.Reason },
            (TaskState.InFlight or TaskState.SlowAnswer or TaskState.PolicyBlocked, _, { } deferral) => standing with { Message = deferral.Reason, RetryAt = deferral.RetryAt ?? standing.RetryAt },
            _ => standing,
        };
    }

    internal static Dictionary<Manifests.TaskIdentity, TaskApplyResult> ResultsByTask(ApplyReport? report) =>
        report?.Results.ToDictionary(r => r.Entry.Identity) ?? [];

    private static TaskState Of(ApplyOutcome outcome) => outcome switch
    {
        ApplyOutcome.Applied => TaskState.Applied,
        ApplyOutcome.Blocked => TaskState.Blocked,
        ApplyOutcome.Rejected => TaskState.Rejected,
        ApplyOutcome.Failed => TaskState.Failed,
        ApplyOutcome.Unauthorized => TaskState.Unauthorized,
        ApplyOutcome.Cancelled => TaskState.Cancelled,

        // A stop is not an update's outcome; an update that reports one was not sent.
        _ => TaskState.Pending,
    };
}
