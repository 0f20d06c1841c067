using Microsoft.Extensions.Logging;
using Reconciler.Core.Reconciling;
using Reconciler.Core.Rendering;
using Reconciler.Core.Manifests;
using Reconciler.Core.State;

namespace Reconciler.Service.Loop;

/// <summary>
/// Rollback: the manifests of an earlier revision of the watched branch, applied now against the live state. The branch's
/// revision at that moment is then held (<see cref="RevisionHoldKind.RolledBack"/>), so no pass re-applies it while the
/// branch stays there; the next revision releases the hold and is applied normally.
/// </summary>
public sealed partial class ReconcileRunner
{
    /// <summary>Answers a rollback request; returns true when it ran (its run replaces this pass's), false for a plan only (the pass goes on).</summary>
    private async Task<bool> AnswerRollbackAsync(RollbackRequest request, SourceSnapshot head, long syncTicket, CancellationToken stopping)
    {
        try
        {
            var (answer, ran) = await RollBackAsync(request, head, syncTicket, stopping);
            request.Answer.TrySetResult(answer);
            return ran;
        }
        catch (Exception e)
        {
            request.Answer.TrySetException(e);
            throw;
        }
    }

    private async Task<(RollbackAnswer Answer, bool Ran)> RollBackAsync(RollbackRequest request, SourceSnapshot head, long syncTicket, CancellationToken stopping)
    {
        if (await source.ReadRevisionAsync(request.Revision, stopping) is not { } earlier)
        {
            return (RollbackAnswer.Refused($"revision '{request.Revision}' is not in the watched branch's history (fetched: {options.Branch})"), false);
        }

        earlier = earlier with { Revision = earlier.Revision ?? request.Revision };
        if (earlier.Revision == head.Revision)
        {
            return (RollbackAnswer.Refused($"{earlier.Revision} is the branch's current revision: nothing to roll back"), false);
        }

        if (source.IsInHistoryOf(earlier.Revision, head.Revision ?? earlier.Revision) == false)
        {
            return (RollbackAnswer.Refused($"revision '{request.Revision}' is not in the watched branch's history ({options.Branch} is at {head.Revision}): a rollback applies only an earlier revision of the branch"), false);
        }

        // No ledger: a rollback is an explicit request, like `apply`, so a body rejected before is sent again.
        var pending = await engine.PlanAsync(earlier, PlanOptions.Default, stopping);
        var plan = new TextPlanRenderer().Render(pending.Plan);
        if (request.PlanOnly)
        {
            return (new RollbackAnswer(RollbackAnswer.Planned, plan, earlier.Revision, head.Revision, null, null), false);
        }

        // Recorded as what it was: the audit says this run applied an earlier revision on request, not a sync.
        var run = await engine.ApplyAsync(pending, RunTrigger.Rollback, null, stopping);
        if (run.Succeeded && head.Revision is { } current)
        {
            var hold = await holds.HoldAsync(new RevisionHold(RevisionHoldKind.RolledBack, current, time.GetUtcNow(), RolledBackTo: earlier.Revision), CancellationToken.None);
            LogRolledBack(logger, Short(current), Short(earlier.Revision), run.Report?.ToString() ?? "Apply: nothing to do.");
            HoldChanged(hold);
        }

        _reconciledRevision = head.Revision;
        Report(run, syncTicket);
        return (new RollbackAnswer(RollbackAnswer.RolledBack, plan, earlier.Revision, head.Revision, run.Outcomes, run.Error), true);
    }

    [LoggerMessage(EventId = 22, Level = LogLevel.Warning, Message = "rolled back {Head} to {Revision}: {Apply}; {Head} is held (not applied again) until the branch moves or reconciler sync --resume")]
    private static partial void LogRolledBack(ILogger logger, string head, string revision, string apply);
}
