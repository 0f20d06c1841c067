namespace Reconciler.Service.Notifications;

/// <summary>How hard the notifier tries: bounded retries and timeouts, a bounded queue. Tests shorten the delays.</summary>
public sealed record NotifyOptions
{
    /// <summary>Events waiting to be sent; beyond this new ones are dropped (and counted), so a dead receiver never grows memory.</summary>
    public int QueueCapacity { get; init; } = 256;

    /// <summary>Retries of one message on a transient failure (5xx, 408, 429, timeouts, connection errors).</summary>
    public int MaxRetryAttempts { get; init; } = 3;

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>One message to one receiver, retries included.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
