using Reconciler.Core.State;

namespace Reconciler.Core.Applying;

/// <summary>Everything an apply did: one result per task it tried, and the records it forgot.</summary>
public sealed record ApplyReport(IReadOnlyList<TaskApplyResult> Results, int Unmanaged)
{
    /// <summary>Set when a state write failed: the apply stopped starting requests at that point.</summary>
    public string? StateError { get; init; }

    /// <summary>Platform failures that stopped sending (unreachable, a token refused), one per fact, first first.</summary>
    public IReadOnlyList<PlatformFailure> PlatformFailures { get; init; } = [];

    /// <summary>Set when a staged rollout halted: the later batches were not sent.</summary>
    public Rollout.RolloutHalt? Halt { get; init; }

    public int Count(ApplyOutcome outcome) => Results.Count(r => r.Outcome == outcome);

    /// <summary>True when nothing was rejected, failed or refused for lack of authorization.</summary>
    public bool Succeeded => Count(ApplyOutcome.Rejected) + Count(ApplyOutcome.Failed) + Count(ApplyOutcome.Unauthorized) == 0;

    public bool AnyBlocked => Count(ApplyOutcome.Blocked) > 0;

    /// <summary>Accepted updates whose read-back found other values (<see cref="VerificationOutcome.Unverified"/>).</summary>
    public IReadOnlyList<TaskApplyResult> Unverified => Results.Where(r => r.Verification?.Outcome == VerificationOutcome.Unverified).ToList();

    /// <summary>
    /// <c>Apply: 7 applied, 1 blocked (running), 0 rejected, 0 failed.</c> (other counts only when not zero). Tasks a
    /// platform failure kept from being sent are counted apart, as not sent: the run's error says why, once.
    /// </summary>
    public override string ToString()
    {
        var notSent = Results.Where(r => r.Platform is not null && r.Delivery == RequestDelivery.NotSent).ToHashSet();
        int Shown(ApplyOutcome outcome) => Results.Count(r => r.Outcome == outcome && !notSent.Contains(r));
        var text = $"Apply: {Shown(ApplyOutcome.Applied)} applied{Verifications()}, {Shown(ApplyOutcome.Blocked)} blocked (running), {Shown(ApplyOutcome.Rejected)} rejected, {Shown(ApplyOutcome.Failed)} failed";
        if (Shown(ApplyOutcome.Unauthorized) > 0)
        {
            text += $", {Shown(ApplyOutcome.Unauthorized)} unauthorized";
        }

        if (notSent.Count > 0)
        {
            text += $", {notSent.Count} not sent";
        }

        if (Count(ApplyOutcome.Cancelled) > 0)
        {
            text += $", {Count(ApplyOutcome.Cancelled)} not started (cancelled)";
        }

        if (Unmanaged > 0)
        {
            text += $", {Unmanaged} unmanaged";
        }

        return text + ".";
    }

    /// <summary><c> (2 verified, 1 unverified, 0 unknown)</c> when the apply read its updates back, else nothing.</summary>
    private string Verifications()
    {
        var read = Results.Where(r => r.Verification is not null).ToList();
        int Of(VerificationOutcome outcome) => read.Count(r => r.Verification!.Outcome == outcome);
        return read.Count == 0 ? "" : $" ({Of(VerificationOutcome.Verified)} verified, {Of(VerificationOutcome.Unverified)} unverified, {Of(VerificationOutcome.Unknown)} unknown)";
    }
}
