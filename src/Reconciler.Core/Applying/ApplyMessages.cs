namespace Reconciler.Core.Applying;

/// <summary>
/// The fixed sentences apply writes itself into a task's outcome (as opposed to the platform's own messages, which are
/// passed on as sent). One place, so a reader that words them for people in another language (the status page's
/// Chinese) matches exactly what is written.
/// </summary>
public static class ApplyMessages
{
    /// <summary>Before what the running check read (<c>RemoteTaskState.Reading</c>): no request was spent on a running task.</summary>
    public const string NotSent = "not sent: ";

    /// <summary>The reading when the detail said no more than "running".</summary>
    public const string ReadAsRunning = "the task detail reads it as running";

    /// <summary>After the reading: what the operator can do.</summary>
    public const string StopAdvice = "; stop it or set metadata.stop_before_update: true";

    /// <summary>Appended to a transient failure's message: the request may have been applied.</summary>
    public const string InDoubtNote = "the platform may or may not have applied it: the task is in doubt and is sent again on the next run";

    public const string RequestAbandoned = "request abandoned: the grace period after cancellation ran out";

    public const string StopAbandoned = "stop request abandoned after cancellation";

    public const string StoppedBeforeUpdate = "task stopped before its update (left stopped)";

    /// <summary>Followed by the stop request's own message.</summary>
    public const string CouldNotStop = "could not stop the task: ";

    public const string NotStartedCancelled = "not started: apply was cancelled";

    /// <summary>Between an outcome word and the state store's error: "applied but not recorded: the state store cannot be written (…); the task is in doubt".</summary>
    public const string NotRecorded = " but not recorded: the state store cannot be written (";

    public const string NotRecordedEnd = "); the task is in doubt";

    /// <summary>Before the state store's error: "not started: the state store cannot be written (…); nothing is sent that cannot be recorded".</summary>
    public const string NotStartedStateFailed = "not started: the state store cannot be written (";

    public const string NotStartedStateFailedEnd = "); nothing is sent that cannot be recorded";
}
