using Reconciler.Core.Applying;

namespace Reconciler.TaskApi.Http;

/// <summary>What one call produced after retries: the last answer, or a description of why there was none.</summary>
/// <param name="Failure">Set when no answer came (timeout, connection failure); already free of secrets.</param>
/// <param name="RetryAfter">The last answer's Retry-After, when it had one.</param>
internal sealed record ApiExchange(int? HttpStatus, string? ReasonPhrase, string? Text, int Attempts, string? Failure, TimeSpan? RetryAfter = null)
{
    /// <summary>What reached the platform: answered, or (without an answer) not sent when no attempt got past connecting.</summary>
    public RequestDelivery Delivery { get; init; } = RequestDelivery.Answered;

    /// <summary>The call ended because its own time ran out (not the caller's cancellation).</summary>
    public bool TimedOut { get; init; }

    /// <summary>An attempt before the answered one reached the platform without an answer: it may still be stored.</summary>
    public bool EarlierUnanswered { get; init; }

    /// <summary>No attempt got past connecting (DNS, a refused or failed connection, TLS): the platform cannot be reached.</summary>
    public bool Unreachable { get; init; }
}
