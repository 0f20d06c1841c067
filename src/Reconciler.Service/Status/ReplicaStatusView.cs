namespace Reconciler.Service.Status;

/// <summary>This replica in <c>/status</c> (shared PostgreSQL state only; part of the <see cref="StatusSnapshot"/> contract).</summary>
/// <param name="Role"><c>leader</c> (applies and posts pull-request plans) or <c>follower</c> (serves status from the shared state).</param>
/// <param name="Term">The leadership term this replica holds, while it leads.</param>
/// <param name="Leader">The newest leadership recorded in the shared state (null before anyone led).</param>
public sealed record ReplicaStatusView(string Name, ReplicaRole Role, long? Term, LeaderStatusView? Leader);
