using Reconciler.Service.Status;

namespace Reconciler.Service.Replicas;

/// <summary>One leadership term held by this replica: it leads while <see cref="IsHeld"/>; disposing lets go.</summary>
public interface ILeaderTerm : IAsyncDisposable
{
    long Term { get; }

    /// <summary>This term as the shared state records it.</summary>
    LeaderStatusView Leader { get; }

    bool IsHeld { get; }

    /// <summary>Why the term ended (null while held).</summary>
    string? EndReason { get; }

    /// <summary>Completes when the term ends.</summary>
    Task Ended { get; }

    /// <summary>Asks the shared state whether the term still holds; false (and <see cref="Ended"/>) when it does not.</summary>
    Task<bool> CheckAsync(CancellationToken cancellationToken);
}
