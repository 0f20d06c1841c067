namespace Reconciler.GitHub;

/// <summary>Where a pull request stands.</summary>
public enum PullRequestState
{
    /// <summary>Open: its head can still move.</summary>
    Open,

    /// <summary>Closed without merging.</summary>
    Closed,

    /// <summary>Closed by merging.</summary>
    Merged,
}
