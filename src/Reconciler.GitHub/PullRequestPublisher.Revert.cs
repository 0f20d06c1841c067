using Octokit;

namespace Reconciler.GitHub;

/// <summary>
/// The revert pull request of a rollback, through GitHub's git-data API (nothing is pushed from this machine): a commit
/// whose tree is the rolled-back revision's and whose parent is the branch's head, a branch at it, and a pull request from
/// that branch to the watched one. Merging it makes the branch say what the platform already holds.
/// </summary>
public sealed partial class PullRequestPublisher
{
    /// <summary>Opens the revert pull request; returns its number and address.</summary>
    /// <param name="head">The branch's head now (the revision rolled back from; the new commit's parent).</param>
    /// <param name="revision">The revision rolled back to (its tree is the new commit's).</param>
    /// <param name="branch">The watched branch (the pull request's base).</param>
    public async Task<(int Number, Uri Url)> OpenRevertPullRequestAsync(string head, string revision, string branch, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(head);
        ArgumentException.ThrowIfNullOrWhiteSpace(revision);
        ArgumentException.ThrowIfNullOrWhiteSpace(branch);
        var (shortHead, shortRevision) = (head[..Math.Min(12, head.Length)], revision[..Math.Min(12, revision.Length)]);
        var earlier = await CallAsync($"reading commit {shortRevision}", null, () => client.Git.Commit.Get(target.Owner, target.Name, revision), cancellationToken).ConfigureAwait(false);
        var message = $"Roll back to {shortRevision}\n\nThe tree of {revision}, on top of {head}: the manifests `reconciler rollback` applied.";
        var commit = await CallAsync("creating the revert commit", null, () => client.Git.Commit.Create(target.Owner, target.Name, new NewCommit(message, earlier.Tree.Sha, head)), cancellationToken).ConfigureAwait(false);
        var name = $"rollback/{shortRevision}-from-{shortHead}";
        await CallAsync($"creating branch {name}", null, () => client.Git.Reference.Create(target.Owner, target.Name, new NewReference("refs/heads/" + name, commit.Sha)), cancellationToken).ConfigureAwait(false);
        var pull = await CallAsync("opening the revert pull request", null, () => client.PullRequest.Create(target.Owner, target.Name, new NewPullRequest($"Roll back to {shortRevision}", name, branch)
        {
            Body = $"`reconciler rollback --to {revision}` applied the manifests of {revision} to the platform; the service holds {head} until the branch moves. Merging this makes `{branch}` say what the platform holds.",
        }), cancellationToken).ConfigureAwait(false);
        return (pull.Number, new Uri(pull.HtmlUrl));
    }
}
