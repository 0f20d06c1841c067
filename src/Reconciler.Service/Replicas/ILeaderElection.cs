using Reconciler.Service.Status;

namespace Reconciler.Service.Replicas;

/// <summary>
/// The capability a state shared by several replicas adds to <see cref="Core.State.IStateStore"/>: electing the one
/// replica that applies. Only a shared store has it (<see cref="State.StateStoreLocator.OpenForServiceAsync"/> says
/// which); with an SQLite state the service holds the file's lock for its whole life and needs no election.
/// </summary>
public interface ILeaderElection
{
    /// <summary>This replica's name (host and process), as the shared state records its terms.</summary>
    string Replica { get; }

    /// <summary>The shared state, for messages (never with a password).</summary>
    string Display { get; }

    /// <summary>Waits up to <paramref name="wait"/> to become the leader; null when another replica still leads.</summary>
    Task<ILeaderTerm?> ClaimAsync(TimeSpan wait, CancellationToken cancellationToken);

    /// <summary>The newest leadership the shared state records (null before anyone led).</summary>
    Task<LeaderStatusView?> ReadLeaderAsync(CancellationToken cancellationToken);
}
