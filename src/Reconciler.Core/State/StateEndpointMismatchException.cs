namespace Reconciler.Core.State;

/// <summary>The state store records what was applied to another API endpoint than the one in use.</summary>
public sealed class StateEndpointMismatchException : Exception
{
    public StateEndpointMismatchException(string boundTo, string requested)
        : base($"it records tasks applied to {boundTo}, not to {requested}: its 'unchanged' would be about another platform. " +
               "Use another --state file for this endpoint, or --rebind-state to bind this one to it (its records are forgotten and every task is adopted again; the history is kept)")
    {
        BoundTo = boundTo;
        Requested = requested;
    }

    public StateEndpointMismatchException()
        : this("unknown", "unknown")
    {
    }

    public StateEndpointMismatchException(string message)
        : base(message)
    {
        BoundTo = Requested = "unknown";
    }

    public StateEndpointMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
        BoundTo = Requested = "unknown";
    }

    public string BoundTo { get; }

    public string Requested { get; }
}
