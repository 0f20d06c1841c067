using Reconciler.Core.State;

namespace Reconciler.Core.Applying;

/// <summary>How one API call ended.</summary>
/// <param name="Outcome">Applied (code 200), Blocked (6007), Rejected (other code), Failed (transient after retries), Unauthorized (401/403).</param>
/// <param name="ApiCode">The <c>code</c> field of the answer, when there was one.</param>
/// <param name="Message">The API's <c>message</c>, or a description of the failure. Never contains a token.</param>
/// <param name="HttpStatus">The HTTP status of the last response, when there was one.</param>
public sealed record TaskApiResult(ApplyOutcome Outcome, int? ApiCode, string? Message, int? HttpStatus)
{
    public const int SuccessCode = 200;
    public const int TaskRunningCode = 6007;
}
