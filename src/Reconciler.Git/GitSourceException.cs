using Reconciler.Core.Sources;

namespace Reconciler.Git;

/// <summary>
/// A git source failure. The message is plain, names the repository by a URL without credentials,
/// and never contains a token; the libgit2 cause is kept as the inner exception when it is equally clean.
/// </summary>
public sealed class GitSourceException : SourceUnavailableException
{
    public GitSourceException(GitSourceErrorKind kind, string message, Exception? innerException = null)
        : base(kind.ToString(), message, innerException)
    {
        Kind = kind;
    }

    public GitSourceErrorKind Kind { get; }

    /// <summary>True when waiting and retrying can help (the remote may come back); false when input or credentials must change.</summary>
    public bool IsTransient => Kind == GitSourceErrorKind.Unreachable;
}
