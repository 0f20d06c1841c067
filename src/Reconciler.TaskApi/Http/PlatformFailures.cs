using System.Globalization;
using Reconciler.Core.Applying;

namespace Reconciler.TaskApi.Http;

/// <summary>
/// Words a call's failure as a <see cref="PlatformFailure"/> when it is the platform's or the account's, not the task's:
/// one line that names the URL, the token's variable and what to check (never the token).
/// </summary>
internal sealed class PlatformFailures(Uri baseAddress)
{
    private readonly string _endpoint = baseAddress.ToString().TrimEnd('/');

    /// <param name="apiCode">The answer's <c>code</c>, when it had one (the platform may say 401/403 there too).</param>
    public PlatformFailure? Of(ApiExchange exchange, int? apiCode, string userId, string? tokenSource)
    {
        if (exchange.Unreachable)
        {
            return new PlatformFailure(PlatformFailureKind.Unreachable, null,
                $"the platform at {_endpoint} cannot be reached ({exchange.Failure}): nothing was sent; check the API URL (--api-url, RECONCILER_API_URL) and that the platform is up");
        }

        if (exchange.HttpStatus is 401 or 403 || apiCode is 401 or 403)
        {
            var answer = exchange.HttpStatus is { } status ? $"HTTP {status.ToString(CultureInfo.InvariantCulture)}" : "no HTTP status";
            var code = apiCode is { } c ? $", code {c.ToString(CultureInfo.InvariantCulture)}" : "";
            var token = tokenSource ?? "the token";
            return new PlatformFailure(PlatformFailureKind.Unauthorized, userId,
                $"the platform at {_endpoint} refused {(tokenSource is null ? "the token" : "the token from " + tokenSource)} for account {userId} ({answer}{code}): nothing more is sent for this account; check that {token} holds a valid token of this account for this platform");
        }

        return null;
    }

    /// <summary>No token could be found for the account: nothing can be sent for it.</summary>
    public static PlatformFailure NoToken(string userId, string? problem) =>
        new(PlatformFailureKind.Unauthorized, userId, $"no token for account {userId}: {problem ?? "none is configured"}; nothing is sent for this account");
}
