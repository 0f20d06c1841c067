namespace Reconciler.Core.Sources;

/// <summary>
/// A manifest source could not be read (remote unreachable, authentication refused, branch missing). The
/// message is for people and never holds a credential; <see cref="Reason"/> is a short stable word for logs
/// and metrics.
/// </summary>
public class SourceUnavailableException : Exception
{
    public SourceUnavailableException(string reason, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Reason = reason;
    }

    public SourceUnavailableException()
        : this("unknown", "the manifest source could not be read")
    {
    }

    public SourceUnavailableException(string message)
        : this("unknown", message)
    {
    }

    public SourceUnavailableException(string message, Exception innerException)
        : this("unknown", message, innerException)
    {
    }

    public string Reason { get; }
}
