namespace Reconciler.State.Postgres;

/// <summary>One leadership of the store (a row of <c>leader_terms</c>), and whether it is still held.</summary>
/// <param name="Term">Grows by one at every takeover; every intent carries the term of the leader that wrote it.</param>
/// <param name="Replica">The holder's name: <c>host:pid</c> of a service replica, or <c>apply@host:pid</c> for a command.</param>
/// <param name="BackendPid">The PostgreSQL backend holding the advisory lock (<c>pg_locks.pid</c>, <c>pg_stat_activity.pid</c>).</param>
/// <param name="Held">True while that backend still holds the apply lock; false once it ended (the leader died or let go).</param>
public sealed record LeaderRecord(long Term, string Replica, string Host, int ProcessId, int BackendPid, DateTimeOffset AcquiredAt, bool Held);
