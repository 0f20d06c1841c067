namespace Reconciler.Core.Planning;

/// <summary>
/// A change that is planned but not sent now, and why: plan data (like terraform's deferred changes), so
/// every output and the status page show it instead of it silently disappearing.
/// </summary>
/// <param name="Reason">A plain sentence for people.</param>
/// <param name="RetryAt">When it will next be tried, when known (null for a rejected body: only a manifest change retries it).</param>
/// <param name="Failures">Attempts in a row that did not apply (held back only).</param>
/// <param name="ApiCode">The platform's code of the last attempt, when there was one.</param>
/// <param name="LastMessage">The platform's message of the last attempt, when there was one.</param>
/// <param name="LastOutcome">How the last attempt ended (held back only): a rejected body waits for a manifest change, not for a time.</param>
public sealed record Deferral(
    DeferralKind Kind,
    string Reason,
    DateTimeOffset? RetryAt = null,
    int Failures = 0,
    int? ApiCode = null,
    string? LastMessage = null,
    State.ApplyOutcome? LastOutcome = null)
{
    /// <summary>The lower-case word used in JSON and <c>/status</c>: <c>running</c>, <c>held_back</c>, <c>outside_window</c>, <c>drift_reported</c>, <c>fighting</c>, <c>source_incomplete</c>, <c>in_flight</c>, <c>slow_answer</c>, <c>revision_held</c>, <c>policy_blocked</c>.</summary>
    public string Word => Kind switch
    {
        DeferralKind.Running => "running",
        DeferralKind.HeldBack => "held_back",
        DeferralKind.OutsideWindow => "outside_window",
        DeferralKind.DriftReported => "drift_reported",
        DeferralKind.Fighting => "fighting",
        DeferralKind.SourceIncomplete => "source_incomplete",
        DeferralKind.InFlight => "in_flight",
        DeferralKind.SlowAnswer => "slow_answer",
        DeferralKind.RevisionHeld => "revision_held",
        DeferralKind.PolicyBlocked => "policy_blocked",
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, null),
    };
}
