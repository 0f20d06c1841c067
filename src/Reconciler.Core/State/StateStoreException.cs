namespace Reconciler.Core.State;

/// <summary>
/// The state store could not be opened, read or written. The message names the store; the database or
/// I/O error that caused it is the inner exception.
/// </summary>
public class StateStoreException : Exception
{
    public StateStoreException(string message)
        : base(message)
    {
    }

    public StateStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StateStoreException()
    {
    }
}
