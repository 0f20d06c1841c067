namespace Reconciler.GitHub;

/// <summary>The state of a commit status, as GitHub names them.</summary>
public enum CommitStatusState
{
    /// <summary>The plan is still being computed.</summary>
    Pending,

    /// <summary>Every manifest is valid.</summary>
    Success,

    /// <summary>At least one manifest is invalid.</summary>
    Failure,

    /// <summary>The reconciler itself failed (not the manifests).</summary>
    Error,
}
