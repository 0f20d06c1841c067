namespace Reconciler.Git;

/// <summary>Why a git source operation failed; decides whether the caller retries, backs off or reports.</summary>
public enum GitSourceErrorKind
{
    /// <summary>The remote could not be reached (network, missing path, server error). Transient: back off and retry.</summary>
    Unreachable,

    /// <summary>The remote refused the credentials, or none were available.</summary>
    AuthenticationFailed,

    /// <summary>The watched branch, tag or commit does not exist (for example the branch was deleted).</summary>
    RefNotFound,

    /// <summary>A commit asked for by id is not in the local clone cache.</summary>
    CommitNotFound,

    /// <summary>The clone cache is damaged and could not be repaired by re-cloning.</summary>
    CorruptCache,

    /// <summary>A directory given to <see cref="LocalRepositoryReader"/> is not inside a git working copy.</summary>
    NotARepository,
}
