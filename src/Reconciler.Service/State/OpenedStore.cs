using Reconciler.Core.State;
using Reconciler.Service.Replicas;

namespace Reconciler.Service.State;

/// <summary>A store opened for the service, with the capabilities it offers beyond <see cref="IStateStore"/>.</summary>
/// <param name="Holds">The revision the service holds back (a halted rollout, a rollback), kept in the same store.</param>
/// <param name="Election">Set when several replicas share the store and elect a leader through it (PostgreSQL); null for a store one service owns (SQLite, held by its lock).</param>
public sealed record OpenedStore(IStateStore Store, IRevisionHolds Holds, ILeaderElection? Election);
