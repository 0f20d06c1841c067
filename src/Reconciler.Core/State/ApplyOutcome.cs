namespace Reconciler.Core.State;

/// <summary>How one attempt to apply a task ended.</summary>
public enum ApplyOutcome
{
    /// <summary>The API answered code 200; the state was written.</summary>
    Applied,

    /// <summary>Code 6007: the task is running and must be stopped first. Retried later.</summary>
    Blocked,

    /// <summary>Any other API code: the body was refused. The service does not retry it until the manifest changes; an explicit apply sends it again.</summary>
    Rejected,

    /// <summary>Transient failure (5xx, 429, timeout, reset) still failing after retries. Retried later.</summary>
    Failed,

    /// <summary>HTTP 401/403: the token for this account is missing or refused.</summary>
    Unauthorized,

    /// <summary>The task was stopped (task_stop) before its update, as its manifest asked.</summary>
    Stopped,

    /// <summary>Cancelled (shutdown) before the request was sent.</summary>
    Cancelled,
}
