using Reconciler.Core.Applying;
using Reconciler.Core.Secrets;
using Reconciler.Core.State;

namespace Reconciler.TaskApi.Http;

/// <summary>
/// Turns the last answer of a call into a <see cref="TaskApiResult"/>. This API answers HTTP 200 with an
/// error <c>code</c> for refusals, so the <c>code</c> decides whenever the HTTP status is not itself decisive.
/// </summary>
internal static class ResultMapper
{
    public static TaskApiResult Map(ApiExchange exchange, ApplyOutcome success, string userId, string? tokenSource, SecretRedactor secret)
    {
        if (exchange.HttpStatus is not { } status)
        {
            // Without an answer the request is in doubt, unless no attempt ever got past connecting: then nothing was sent.
            var failed = new TaskApiResult(ApplyOutcome.Failed, null, $"{exchange.Failure} ({Attempts(exchange)})", null);
            return exchange.Delivery == RequestDelivery.NotSent ? failed with { Delivery = RequestDelivery.NotSent, Message = $"{failed.Message}: nothing was sent" } : failed;
        }

        var answer = ApiAnswer.TryParse(exchange.Text);
        var apiMessage = secret.RedactOrNull(answer?.Message);
        var http = $"HTTP {status}{(string.IsNullOrEmpty(exchange.ReasonPhrase) ? "" : " " + exchange.ReasonPhrase)}";

        if (status is 401 or 403 || answer?.Code is 401 or 403)
        {
            return new TaskApiResult(ApplyOutcome.Unauthorized, answer?.Code,
                $"the API refused the token{(tokenSource is null ? "" : " from " + tokenSource)} for account {userId} ({http}{Suffix(apiMessage)})", status);
        }

        if (status >= 500 || status is 408 or 429)
        {
            var wait = exchange.RetryAfter is { } retryAfter ? $" (the server asked to wait {retryAfter.TotalSeconds:0} s)" : "";
            return new TaskApiResult(ApplyOutcome.Failed, answer?.Code,
                $"{http} after {Attempts(exchange)}{wait}{Suffix(apiMessage ?? (answer is null ? AnswerExcerpt.Of(exchange.Text, secret) : null))}", status);
        }

        if (answer?.Code is { } code && status is >= 200 and < 300)
        {
            return code switch
            {
                TaskApiResult.SuccessCode => new TaskApiResult(success, code, apiMessage, status),
                TaskApiResult.TaskRunningCode => new TaskApiResult(ApplyOutcome.Blocked, code, apiMessage ?? "task is running (6007)", status),
                _ => new TaskApiResult(ApplyOutcome.Rejected, code, apiMessage ?? $"refused with code {code}", status),
            };
        }

        if (status is >= 400 and < 500)
        {
            // A client error is about this request; sending it again unchanged would get the same answer.
            return new TaskApiResult(ApplyOutcome.Rejected, answer?.Code,
                $"{http}{Suffix(apiMessage ?? AnswerExcerpt.Of(exchange.Text, secret))}", status);
        }

        // A success status without the envelope (a proxy's page, an empty body) says nothing about the task: try again later.
        return new TaskApiResult(ApplyOutcome.Failed, answer?.Code,
            $"unexpected answer ({http}, {(answer is null ? "not the API's JSON" : "no code")}): {AnswerExcerpt.Of(exchange.Text, secret)}", status);
    }

    private static string Attempts(ApiExchange exchange)
    {
        var attempts = Math.Max(1, exchange.Attempts);
        return attempts == 1 ? "1 attempt" : $"{attempts} attempts";
    }

    private static string Suffix(string? detail) => string.IsNullOrWhiteSpace(detail) ? "" : ": " + detail;
}
