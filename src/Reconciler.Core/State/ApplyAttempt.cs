using Reconciler.Core.Manifests;

namespace Reconciler.Core.State;

/// <summary>One row of the append-only attempt history.</summary>
/// <param name="Revision">The source revision being applied (commit id), if any.</param>
/// <param name="ApiCode">The <c>code</c> the API answered with, when it answered.</param>
/// <param name="Message">The API's message or the failure's description (never a token).</param>
/// <param name="BodyHash">Hash of the body that was sent.</param>
public sealed record ApplyAttempt(
    DateTimeOffset At,
    string? Revision,
    TaskIdentity Identity,
    ApplyOutcome Outcome,
    int? ApiCode,
    string? Message,
    TimeSpan Duration,
    string? BodyHash);
