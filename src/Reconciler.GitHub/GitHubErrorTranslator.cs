using System.Globalization;
using System.Net;
using System.Text;
using Octokit;
using Reconciler.Core.Secrets;

namespace Reconciler.GitHub;

/// <summary>
/// Turns whatever Octokit or the network threw into one <see cref="GitHubPublishException"/> whose message says
/// what to check. Every piece of text that came from outside passes through the redactor first.
/// </summary>
internal sealed class GitHubErrorTranslator(GitHubTarget target, TimeProvider timeProvider, SecretRedactor redactor)
{
    private const int MaxQuotedLength = 300;
    private const string Permissions = "pull-requests: write (for the comment) and statuses: write (for the commit status)";

    public GitHubPublishException Translate(Exception exception, string operation, int? pullRequest)
    {
        var where = $"while {operation} in {target.FullName}";
        var cause = redactor.SafeCause(exception);
        switch (exception)
        {
            case AuthorizationException auth:
                return new($"GitHub refused the token (401) {where}: check that GITHUB_TOKEN is set, not expired, and has {Permissions}{Said(auth)}",
                    GitHubFailure.Unauthorized, 401, innerException: cause);
            case RateLimitExceededException limit:
                var reset = limit.Reset.Year > 2000 ? limit.Reset : (DateTimeOffset?)null;
                return new($"GitHub rate limit exceeded (403) {where}: {limit.Remaining} of {limit.Limit} requests left; {ResetText(reset)}",
                    GitHubFailure.RateLimited, 403, reset, cause);
            case SecondaryRateLimitExceededException or AbuseException:
                var api = (ApiException)exception;
                var retryAt = RetryAt(api.HttpResponse);
                return new($"GitHub's secondary rate limit stopped the requests (403) {where}: slow down; {ResetText(retryAt)}{Said(api)}",
                    GitHubFailure.RateLimited, 403, retryAt, cause);
            case ForbiddenException forbidden:
                return new($"GitHub denied access (403) {where}: the token needs {Permissions}; pull requests from forks get a read-only token{Said(forbidden)}",
                    GitHubFailure.Forbidden, 403, innerException: cause);
            case NotFoundException notFound:
                var what = pullRequest is { } number ? $"{target.FullName} and pull request #{number}" : target.FullName;
                return new($"repository or pull request not found (404) {where}: check that {what} exist, that the API URL {target.ApiUrl} is right, and that the token can see the repository (GitHub answers 404 when it cannot){Said(notFound)}",
                    GitHubFailure.NotFound, 404, innerException: cause);
            case ApiValidationException invalid:
                return new($"GitHub rejected the request (422) {where}{Said(invalid)}", GitHubFailure.Rejected, 422, innerException: cause);
            case ApiException { StatusCode: (HttpStatusCode)429 } tooMany:
                var retry = RetryAt(tooMany.HttpResponse);
                return new($"GitHub rate limit exceeded (429) {where}: {ResetText(retry)}{Said(tooMany)}", GitHubFailure.RateLimited, 429, retry, cause);
            case ApiException { StatusCode: >= HttpStatusCode.InternalServerError } server:
                var code = (int)server.StatusCode;
                return new($"GitHub failed ({code}) {where}: the problem is on GitHub's side; retry later{Said(server)}", GitHubFailure.ServerError, code, innerException: cause);
            case ApiException other:
                var status = (int)other.StatusCode;
                return new($"GitHub answered {status} {where}{Said(other)}", GitHubFailure.OtherHttpError, status == 0 ? null : status, innerException: cause);
            case HttpRequestException network:
                return new($"could not reach GitHub at {target.ApiUrl} {where}: {Quote(network.Message)}; check the API URL, DNS, proxy and network",
                    GitHubFailure.Network, innerException: cause);
            case OperationCanceledException or TimeoutException:
                var seconds = target.RequestTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
                return new($"GitHub did not answer within {seconds} s {where}; check the network or the API URL {target.ApiUrl}, or raise the timeout",
                    GitHubFailure.Timeout, innerException: cause);
            default:
                return new($"unexpected {exception.GetType().Name} {where}: {Quote(exception.Message)}", GitHubFailure.Unexpected, innerException: cause);
        }
    }

    private static string ResetText(DateTimeOffset? at) => at is { } value
        ? $"it resets at {value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC; retry after that"
        : "retry in a few minutes";

    // GitHub says when to come back either as Retry-After (seconds) or as X-RateLimit-Reset (epoch seconds).
    private DateTimeOffset? RetryAt(IResponse? response)
    {
        if (response?.Headers is null)
        {
            return null;
        }

        if (Header(response, "Retry-After") is { } after && int.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return timeProvider.GetUtcNow().AddSeconds(seconds);
        }

        if (Header(response, "X-RateLimit-Reset") is { } reset && long.TryParse(reset, NumberStyles.None, CultureInfo.InvariantCulture, out var epoch))
        {
            return DateTimeOffset.FromUnixTimeSeconds(epoch);
        }

        return null;
    }

    private static string? Header(IResponse response, string name) =>
        response.Headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    private string Said(ApiException exception)
    {
        var builder = new StringBuilder(exception.ApiError?.Message ?? string.Empty);
        foreach (var detail in exception.ApiError?.Errors ?? [])
        {
            builder.Append(builder.Length > 0 ? "; " : string.Empty)
                .Append(detail.Message ?? $"{detail.Resource}.{detail.Field} {detail.Code}");
        }

        return builder.Length == 0 ? string.Empty : $". GitHub said: {Quote(builder.ToString())}";
    }

    private string Quote(string text)
    {
        var clean = string.Join(' ', redactor.Redact(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return clean.Length <= MaxQuotedLength ? clean : clean[..MaxQuotedLength] + "…";
    }
}
