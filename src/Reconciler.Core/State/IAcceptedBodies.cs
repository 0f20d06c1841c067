namespace Reconciler.Core.State;

/// <summary>
/// Every body the platform accepted, kept by its hash (the one an applied attempt names), so the history can show what
/// changed between accepted bodies. Written with each last-applied record; never removed.
/// </summary>
public interface IAcceptedBodies
{
    /// <summary>The canonical body the hash names, or null when it was never recorded (applied before the store kept bodies).</summary>
    Task<string?> ReadAcceptedBodyAsync(string bodyHash, CancellationToken cancellationToken);
}
