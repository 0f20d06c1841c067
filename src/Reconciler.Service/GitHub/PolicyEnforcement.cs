using Microsoft.Extensions.Logging;
using Reconciler.Core.Guardrails;
using Reconciler.Core.Reconciling;
using Reconciler.Core.State;
using Reconciler.GitHub;

namespace Reconciler.Service.GitHub;

/// <summary>
/// Between plan and apply, each pass: looks up where the revision came from (its merged pull request, who merged and
/// who approved it; the run records it as its audit) and holds back every change to an owned task whose owners did
/// not approve that pull request (<see cref="OwnerApprovalGate"/>: <c>policy_blocked</c>); the rest applies. Without a
/// GitHub repository configured there is no audit, and owned changes are held back: approvals cannot be verified.
/// </summary>
public sealed partial class PolicyEnforcement(RevisionApprovals? approvals, ILogger<PolicyEnforcement> logger)
{
    public async Task<PendingPlan> ApplyAsync(PendingPlan pending, string? revision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pending);
        var plan = pending.Plan;
        RunAudit? audit = null;
        IReadOnlySet<string> satisfied = new HashSet<string>();
        string source;
        if (approvals is null || revision is null)
        {
            source = "the service has no GitHub repository configured to read approvals from";
        }
        else
        {
            try
            {
                var entries = plan.Policy.Owners.SelectMany(o => o.Approvers).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                var found = await approvals.LookupAsync(revision, entries, cancellationToken);
                (audit, satisfied) = (found.Audit, found.SatisfiedApprovers);
                source = found.Audit.PullRequest is { } number ? $"pull request #{number}" : "no merged pull request: a direct push";
            }
            catch (GitHubPublishException e)
            {
                // Fail closed: an owned change waits until GitHub answers; everything else still applies.
                LogLookupFailed(logger, revision[..Math.Min(12, revision.Length)], e.Message);
                source = "GitHub could not be read to check the approval";
            }
        }

        var gated = OwnerApprovalGate.Needed(plan) ? OwnerApprovalGate.Apply(plan, satisfied.Contains, source) : plan;
        return pending with { Plan = gated, Audit = audit };
    }

    [LoggerMessage(EventId = 60, Level = LogLevel.Warning, Message = "could not read where revision {Revision} came from on GitHub ({Error}); owned tasks are held back until it can be read")]
    private static partial void LogLookupFailed(ILogger logger, string revision, string error);
}
