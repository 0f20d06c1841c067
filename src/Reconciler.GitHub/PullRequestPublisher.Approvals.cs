using Octokit;
using Reconciler.Core.Guardrails;

namespace Reconciler.GitHub;

/// <summary>Reviews and team membership (<see cref="IPullRequestApprovals"/>), over the same connection and failure model.</summary>
public sealed partial class PullRequestPublisher : IPullRequestApprovals
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<Core.Guardrails.PullRequestReview>> ListReviewsAsync(int pullRequest, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pullRequest);
        var reviews = await CallAsync(
            $"listing the reviews of pull request #{pullRequest}",
            pullRequest,
            () => client.PullRequest.Review.GetAll(target.Owner, target.Name, pullRequest, AllPages),
            cancellationToken).ConfigureAwait(false);
        return reviews
            .Where(r => r.User?.Login is not null)
            .Select(r => new Core.Guardrails.PullRequestReview(r.Id, r.User.Login, r.State.StringValue, r.CommitId, r.SubmittedAt))
            .ToList();
    }

    /// <inheritdoc />
    public async Task<bool> IsActiveTeamMemberAsync(string org, string teamSlug, string login, CancellationToken cancellationToken)
    {
        // Octokit's team client reads memberships by the legacy numeric team id; GitHub's documented address takes the slug.
        var path = new Uri($"orgs/{Uri.EscapeDataString(org)}/teams/{Uri.EscapeDataString(teamSlug)}/memberships/{Uri.EscapeDataString(login)}", UriKind.Relative);
        try
        {
            var membership = await CallAsync(
                $"reading whether {login} is in @{org}/{teamSlug}",
                null,
                () => client.Connection.Get<TeamMembershipDetails>(path, null),
                cancellationToken).ConfigureAwait(false);
            return membership.Body?.State.StringValue == "active";
        }
        catch (GitHubPublishException e) when (e.Failure == GitHubFailure.NotFound)
        {
            return false;
        }
    }
}
