namespace Reconciler.Core.Applying;

/// <summary>What reached the platform of one call, whatever its outcome: the difference between "in doubt" and "not sent".</summary>
public enum RequestDelivery
{
    /// <summary>The platform answered (the answer decides).</summary>
    Answered,

    /// <summary>A request may have reached the platform and no answer came (a timeout, a connection lost after sending): in doubt.</summary>
    Unknown,

    /// <summary>Nothing reached the platform: no token, the deadline had passed, or every attempt failed before sending (connection refused, DNS, TLS).</summary>
    NotSent,
}
