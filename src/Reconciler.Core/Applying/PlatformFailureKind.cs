namespace Reconciler.Core.Applying;

/// <summary>Why a run stops sending to the platform (or to one account of it).</summary>
public enum PlatformFailureKind
{
    /// <summary>The platform cannot be reached: connection refused, DNS, TLS. Nothing was sent.</summary>
    Unreachable,

    /// <summary>The platform refused the account's token (HTTP 401/403), or there is none.</summary>
    Unauthorized,
}
