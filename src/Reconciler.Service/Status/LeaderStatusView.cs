namespace Reconciler.Service.Status;

/// <summary>Who leads, as the shared state records it.</summary>
/// <param name="Held">True while the leader's database session still holds the apply lock.</param>
public sealed record LeaderStatusView(string Replica, string Host, int ProcessId, long Term, DateTimeOffset Since, bool Held);
