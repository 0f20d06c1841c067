namespace Reconciler.TaskApi.Http;

/// <summary>What one call produced after retries: the last answer, or a description of why there was none.</summary>
/// <param name="Failure">Set when no answer came (timeout, connection failure); already free of secrets.</param>
/// <param name="RetryAfter">The last answer's Retry-After, when it had one.</param>
internal sealed record ApiExchange(int? HttpStatus, string? ReasonPhrase, string? Text, int Attempts, string? Failure, TimeSpan? RetryAfter = null);
