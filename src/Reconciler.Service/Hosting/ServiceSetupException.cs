namespace Reconciler.Service;

/// <summary>
/// The service cannot start as configured (a setting is missing or invalid, the state is locked or
/// unreadable). The message is one plain sentence for the operator; the CLI prints it and exits 1.
/// </summary>
public sealed class ServiceSetupException : Exception
{
    public ServiceSetupException(string message)
        : base(message)
    {
    }

    public ServiceSetupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ServiceSetupException()
    {
    }
}
