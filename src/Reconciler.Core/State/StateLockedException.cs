namespace Reconciler.Core.State;

/// <summary>Another apply holds the lock of this state store.</summary>
public sealed class StateLockedException : Exception
{
    public StateLockedException(string message)
        : base(message)
    {
    }

    public StateLockedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StateLockedException()
    {
    }
}
