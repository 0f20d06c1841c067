namespace Reconciler.Service.Loop;

/// <summary>What a poll of the remote found.</summary>
public enum FetchOutcome
{
    /// <summary>The watched branch points at a revision not yet reconciled (first fetch, new commit, force-push).</summary>
    Moved,

    /// <summary>The branch has not moved since the last completed run.</summary>
    Unchanged,

    /// <summary>The fetch failed (unreachable, authentication, branch gone, broken cache): the last good revision is kept.</summary>
    Failed,
}
