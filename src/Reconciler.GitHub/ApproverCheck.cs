using Reconciler.Core.Guardrails;

namespace Reconciler.GitHub;

/// <summary>
/// Which approver entries (logins, <c>@org/team</c>) the approving reviewers satisfy: a login by name, a team when one
/// of the approvers is an active member. Membership is asked only for people who approved.
/// </summary>
internal static class ApproverCheck
{
    public static async Task<IReadOnlySet<string>> SatisfiedAsync(IPullRequestApprovals github, IEnumerable<string> entries, IReadOnlySet<string> approvedBy, CancellationToken cancellationToken)
    {
        var satisfied = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (await SatisfiesAsync(github, entry, approvedBy, cancellationToken).ConfigureAwait(false))
            {
                satisfied.Add(entry);
            }
        }

        return satisfied;
    }

    private static async Task<bool> SatisfiesAsync(IPullRequestApprovals github, string entry, IReadOnlySet<string> approvedBy, CancellationToken cancellationToken)
    {
        if (!PolicyOwner.IsTeam(entry))
        {
            return approvedBy.Contains(entry);
        }

        var (org, team) = ApproverNames.SplitTeam(entry);
        foreach (var login in approvedBy.Order(StringComparer.OrdinalIgnoreCase))
        {
            if (await github.IsActiveTeamMemberAsync(org, team, login, cancellationToken).ConfigureAwait(false))
            {
                return true;
            }
        }

        return false;
    }
}
