using Reconciler.Core.State;

namespace Reconciler.State;

/// <summary>
/// The file at the state path is not a reconciler state store: not SQLite at all (garbage bytes, a
/// truncated copy) or a SQLite database that some other program owns. The file is left untouched.
/// </summary>
public sealed class StateStoreFormatException : StateStoreException
{
    public StateStoreFormatException(string message)
        : base(message)
    {
    }

    public StateStoreFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StateStoreFormatException()
    {
    }
}
