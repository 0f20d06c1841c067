using System.Globalization;

namespace Reconciler.Testing.GitHub;

/// <summary>
/// A failure injected on a route: the status, GitHub's message and headers it answers with, and an optional
/// delay before answering (a delay with status 0 answers normally, late: for timeouts).
/// </summary>
public sealed record FakeGitHubFailure(int StatusCode, string Message)
{
    /// <summary>Response headers to add (rate-limit headers, Retry-After).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Wait this long before answering.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Append the request's Authorization header to the message, as a careless proxy might.</summary>
    public bool EchoAuthorization { get; init; }

    /// <summary>401 as GitHub sends it for a wrong or expired token.</summary>
    public static FakeGitHubFailure Unauthorized() => new(401, "Bad credentials");

    /// <summary>403 as GitHub sends it when an installation token lacks a permission.</summary>
    public static FakeGitHubFailure Forbidden() => new(403, "Resource not accessible by integration");

    /// <summary>404 as GitHub sends it for a missing or invisible resource.</summary>
    public static FakeGitHubFailure NotFound() => new(404, "Not Found");

    /// <summary>A 5xx.</summary>
    public static FakeGitHubFailure ServerError(int statusCode = 500) => new(statusCode, "Server Error");

    /// <summary>The primary rate limit (403 with X-RateLimit-* headers).</summary>
    public static FakeGitHubFailure RateLimited(DateTimeOffset resetsAt) =>
        new(403, "API rate limit exceeded for installation ID 4242.")
        {
            Headers = new Dictionary<string, string>
            {
                ["X-RateLimit-Limit"] = "5000",
                ["X-RateLimit-Remaining"] = "0",
                ["X-RateLimit-Used"] = "5000",
                ["X-RateLimit-Resource"] = "core",
                ["X-RateLimit-Reset"] = resetsAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            },
        };

    /// <summary>The secondary rate limit (403 with Retry-After).</summary>
    public static FakeGitHubFailure SecondaryRateLimited(int retryAfterSeconds) =>
        new(403, "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.")
        {
            Headers = new Dictionary<string, string> { ["Retry-After"] = retryAfterSeconds.ToString(CultureInfo.InvariantCulture) },
        };

    /// <summary>Answer normally, but only after <paramref name="delay"/>.</summary>
    public static FakeGitHubFailure Slow(TimeSpan delay) => new(0, string.Empty) { Delay = delay };
}
