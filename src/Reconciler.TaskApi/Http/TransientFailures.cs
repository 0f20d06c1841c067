using System.Net;
using Polly;
using Polly.Timeout;

namespace Reconciler.TaskApi.Http;

/// <summary>
/// What is retried: 5xx, 408, 429, a timed-out attempt and a connection lost after sending. Nothing else: an answer
/// with an API <c>code</c> (a rejection, 6007) arrives as HTTP 200 and is final for this call, and a platform that
/// cannot be reached at all (DNS, refused, TLS) fails the call at once, so the run stops with one error.
/// </summary>
internal static class TransientFailures
{
    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, TimeSpan maxRetryAfter, TimeProvider time, CancellationToken cancellationToken) =>
        outcome switch
        {
            { Exception: OperationCanceledException } when cancellationToken.IsCancellationRequested => false,

            // Nothing was sent (DNS, refused, TLS): the platform is unreachable; the run stops at once instead of retrying.
            { Exception: { } e } when TransportFailures.NothingSent(e) => false,
            { Exception: HttpRequestException or TimeoutRejectedException } => true,
            { Result: { } response } => ((int)response.StatusCode >= 500
                    || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests)
                && !(RetryAfter(response, time) > maxRetryAfter),
            _ => false,
        };

    /// <summary>The wait a Retry-After header asks for (seconds or a date), or null without one.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - time.GetUtcNow(),
        _ => null,
    };

    /// <summary>A few words for the retry log line.</summary>
    public static string Describe(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result: { } response } => $"HTTP {(int)response.StatusCode}",
        { Exception: TimeoutRejectedException } => "attempt timed out",
        { Exception: HttpRequestException e } => $"connection failed ({e.HttpRequestError})",
        { Exception: { } e } => e.GetType().Name,
        _ => "unknown",
    };
}
