namespace Reconciler.GitHub;

/// <summary>
/// A call to GitHub failed. The message says, in plain words, what to check. It never contains the token:
/// messages are built from redacted parts, and the underlying exception is attached only when its text is
/// free of the token.
/// </summary>
public sealed class GitHubPublishException : Exception
{
    /// <summary>Creates the exception (for tests and callers that wrap their own failures).</summary>
    public GitHubPublishException(
        string message,
        GitHubFailure failure,
        int? statusCode = null,
        DateTimeOffset? rateLimitResetsAt = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
        StatusCode = statusCode;
        RateLimitResetsAt = rateLimitResetsAt;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public GitHubPublishException(string message)
        : this(message, GitHubFailure.Unexpected)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public GitHubPublishException(string message, Exception innerException)
        : this(message, GitHubFailure.Unexpected, innerException: innerException)
    {
    }

    /// <summary>Creates the exception without a message (required by exception conventions).</summary>
    public GitHubPublishException()
        : this("a call to GitHub failed", GitHubFailure.Unexpected)
    {
    }

    /// <summary>The kind of failure.</summary>
    public GitHubFailure Failure { get; }

    /// <summary>The HTTP status GitHub answered with, when it answered.</summary>
    public int? StatusCode { get; }

    /// <summary>When a rate limit resets, if GitHub said so.</summary>
    public DateTimeOffset? RateLimitResetsAt { get; }

    /// <summary>True when retrying later may succeed without anyone changing the setup.</summary>
    public bool IsTransient => Failure is GitHubFailure.RateLimited
        or GitHubFailure.ServerError
        or GitHubFailure.Network
        or GitHubFailure.Timeout;
}
