using Reconciler.Core.Guardrails;
using Reconciler.Core.Planning;

namespace Reconciler.GitHub;

/// <summary>
/// Sets the <c>reconciler/policy</c> commit status of a pull request's plan: failure while an error rule is violated,
/// a limit is exceeded, or an owned task changes without an approving review on the head by one of its owners (a login,
/// or a member of an <c>@org/team</c>). Team membership is asked only for people who approved, once each.
/// </summary>
public sealed class PolicyStatusPublisher(IPullRequestPublisher github, IPullRequestApprovals approvals)
{
    /// <param name="headSha">The head commit the status is set on and approvals must be of; null: the pull request's current head.</param>
    /// <exception cref="GitHubPublishException">GitHub could not be read or written.</exception>
    public async Task<PolicyVerdict> PublishAsync(Plan plan, int pullRequest, string? headSha, string? targetUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var head = headSha ?? (await github.GetPullRequestAsync(pullRequest, cancellationToken).ConfigureAwait(false)).HeadSha;
        var verdict = await DecideAsync(plan, pullRequest, head, cancellationToken).ConfigureAwait(false);
        await github.SetCommitStatusAsync(head, verdict.Passed ? CommitStatusState.Success : CommitStatusState.Failure, PolicyVerdict.StatusContext, verdict.Description, targetUrl, cancellationToken).ConfigureAwait(false);
        return verdict;
    }

    /// <summary>The decision alone (reviews and memberships read, nothing written).</summary>
    public async Task<PolicyVerdict> DecideAsync(Plan plan, int pullRequest, string headSha, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var requirements = OwnerRequirement.Of(plan, plan.Policy);
        var approvers = requirements.Count == 0
            ? new HashSet<string>()
            : Approvals.OnHead(await approvals.ListReviewsAsync(pullRequest, cancellationToken).ConfigureAwait(false), headSha);
        var satisfied = await ApproverCheck.SatisfiedAsync(approvals, requirements.SelectMany(r => r.Owner.Approvers), approvers, cancellationToken).ConfigureAwait(false);
        return PolicyVerdict.Decide(plan, plan.Policy, satisfied.Contains);
    }
}
