namespace Reconciler.GitHub;

/// <summary>Why a call to GitHub failed, so callers can decide between "fix the setup" and "retry later".</summary>
public enum GitHubFailure
{
    /// <summary>401: the token is missing, wrong or expired.</summary>
    Unauthorized,

    /// <summary>403: the token lacks a permission or the repository forbids the action.</summary>
    Forbidden,

    /// <summary>404: the repository, pull request or comment does not exist or is invisible to the token.</summary>
    NotFound,

    /// <summary>422: GitHub rejected what was sent.</summary>
    Rejected,

    /// <summary>Primary or secondary rate limit (403 or 429).</summary>
    RateLimited,

    /// <summary>5xx: GitHub failed.</summary>
    ServerError,

    /// <summary>Any other HTTP error status.</summary>
    OtherHttpError,

    /// <summary>GitHub could not be reached (DNS, refused connection, TLS).</summary>
    Network,

    /// <summary>GitHub did not answer in time.</summary>
    Timeout,

    /// <summary>Something else went wrong while talking to GitHub.</summary>
    Unexpected,
}
