namespace Reconciler.TaskApi.Http;

/// <summary>
/// Thrown inside the retry loop instead of starting an attempt too late to finish before the call's deadline: that
/// attempt is never sent (so the request stays within its deadline, which the state records with the intent).
/// </summary>
internal sealed class DeadlinePassedException : Exception
{
    public DeadlinePassedException()
        : base("the request's deadline leaves no time for another attempt")
    {
    }

    public DeadlinePassedException(string message)
        : base(message)
    {
    }

    public DeadlinePassedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
