namespace Reconciler.Core.Ledger;

/// <summary>
/// Per-task exponential backoff, so a task that keeps failing is not re-sent on every pass (never hammer a failing
/// API): blocked (6007), failed and unauthorized wait <c>base × 2^(n-1)</c> up to a maximum; rejected waits until
/// its manifest changes.
/// </summary>
public sealed record RetryPolicy(TimeSpan BaseDelay, TimeSpan MaxDelay)
{
    /// <summary>The service's defaults (<c>--retry-base 30s --retry-max 10m</c>).</summary>
    public static readonly RetryPolicy Default = new(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10));

    public TimeSpan DelayAfter(int failures)
    {
        var exponent = Math.Clamp(failures - 1, 0, 30);
        var delay = BaseDelay * Math.Pow(2, exponent);
        return delay < MaxDelay ? delay : MaxDelay;
    }
}
