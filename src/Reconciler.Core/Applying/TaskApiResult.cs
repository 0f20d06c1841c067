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

    private readonly RequestDelivery? _delivery;

    /// <summary>What reached the platform; by default answered when there was an HTTP answer, else unknown (in doubt).</summary>
    public RequestDelivery Delivery
    {
        get => _delivery ?? (HttpStatus is null ? RequestDelivery.Unknown : RequestDelivery.Answered);
        init => _delivery = value;
    }

    /// <summary>
    /// An earlier attempt of this call reached the platform and got no answer (a timeout, a connection lost), though a
    /// later one was answered: that attempt may still be stored until the call's deadline.
    /// </summary>
    public bool MayLandLater { get; init; }

    /// <summary>Set when the failure is the platform's or the account's, not this task's: the run stops sending (<see cref="PlatformGate"/>).</summary>
    public PlatformFailure? Platform { get; init; }

    /// <summary>A call that sent nothing because of a platform failure (the gate was already closed, or this call found it).</summary>
    public static TaskApiResult NotSent(PlatformFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var outcome = failure.Kind == PlatformFailureKind.Unauthorized ? ApplyOutcome.Unauthorized : ApplyOutcome.Failed;
        return new TaskApiResult(outcome, null, $"not sent: {failure.Message}", null) { Delivery = RequestDelivery.NotSent, Platform = failure };
    }
}
