using Reconciler.Core.Guardrails;
using Reconciler.Core.State;

namespace Reconciler.GitHub;

/// <summary>
/// Where a revision of the watched branch came from, for the service: the merged pull request (its number, who merged
/// it, who approved its last head) as the run's audit, and which owner entries those approvals satisfy. Remembers the
/// last revision's answer: resync passes re-plan the same revision without asking GitHub again.
/// </summary>
public sealed class RevisionApprovals(IPullRequestApprovals github)
{
    private (string Revision, string Entries, RevisionApproval Answer)? _last;

    /// <exception cref="GitHubPublishException">GitHub could not be read.</exception>
    public async Task<RevisionApproval> LookupAsync(string revision, IReadOnlyCollection<string> approverEntries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(approverEntries);
        var entries = string.Join(",", approverEntries.Order(StringComparer.OrdinalIgnoreCase));
        if (_last is { } last && last.Revision == revision && last.Entries == entries)
        {
            return last.Answer;
        }

        var answer = await ReadAsync(revision, approverEntries, cancellationToken).ConfigureAwait(false);
        _last = (revision, entries, answer);
        return answer;
    }

    private async Task<RevisionApproval> ReadAsync(string revision, IReadOnlyCollection<string> approverEntries, CancellationToken cancellationToken)
    {
        if (await github.FindMergedPullRequestAsync(revision, cancellationToken).ConfigureAwait(false) is not { } pull)
        {
            return new RevisionApproval(RunAudit.DirectPush, new HashSet<string>());
        }

        var approvedBy = Approvals.OnHead(await github.ListReviewsAsync(pull.Number, cancellationToken).ConfigureAwait(false), pull.HeadSha);
        var satisfied = await ApproverCheck.SatisfiedAsync(github, approverEntries, approvedBy, cancellationToken).ConfigureAwait(false);
        return new RevisionApproval(new RunAudit(pull.Number, pull.MergedBy, [.. approvedBy.Order(StringComparer.OrdinalIgnoreCase)]), satisfied);
    }
}

/// <summary>A revision's audit and the owner entries its pull request's approvals satisfy.</summary>
public sealed record RevisionApproval(RunAudit Audit, IReadOnlySet<string> SatisfiedApprovers);
