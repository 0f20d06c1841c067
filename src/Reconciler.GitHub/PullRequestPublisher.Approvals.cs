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
    public async Task<MergedPullRequest?> FindMergedPullRequestAsync(string sha, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sha);
        var pulls = await CallAsync(
            $"finding the pull request of commit {sha[..Math.Min(12, sha.Length)]}",
            null,
            () => client.Repository.Commit.PullRequests(target.Owner, target.Name, sha, AllPages),
            cancellationToken).ConfigureAwait(false);

        // Only the pull request whose merge produced this very commit: one that merely contains it approved other changes.
        var merged = pulls.FirstOrDefault(p => string.Equals(p.MergeCommitSha, sha, StringComparison.OrdinalIgnoreCase) && p.Base?.Repository?.FullName is var name && (name is null || name.Equals(target.FullName, StringComparison.OrdinalIgnoreCase)));
        if (merged is null)
        {
            return null;
        }

        // The list's entries leave out merged_by; the pull request itself has it.
        var full = await CallAsync(
            $"reading pull request #{merged.Number}",
            merged.Number,
            () => client.PullRequest.Get(target.Owner, target.Name, merged.Number),
            cancellationToken).ConfigureAwait(false);
        return full.Merged ? new MergedPullRequest(full.Number, full.MergedBy?.Login, full.Head.Sha) : null;
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
