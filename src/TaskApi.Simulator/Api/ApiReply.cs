namespace TaskApi.Simulator.Api;

/// <summary>An answer ready to write: HTTP status, body text and the API <c>code</c> it carries (for the log).</summary>
internal sealed record ApiReply(int HttpStatus, string Body, string ContentType, int? ApiCode)
{
    public int? RetryAfterSeconds { get; init; }
}
