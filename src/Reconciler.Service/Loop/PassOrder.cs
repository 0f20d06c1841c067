namespace Reconciler.Service.Loop;

/// <summary>What one pass of the loop is asked to do: its merged triggers, the sync it answers, and whether to read the live tasks.</summary>
/// <param name="SyncTicket">The newest <c>POST /sync</c> ticket this pass answers (0: none).</param>
/// <param name="Refresh">Read the slice of live tasks that is due (drift): asked by a resync or a refresh tick, when refresh is on. The runner never infers it.</param>
public sealed record PassOrder(TriggerSet Triggers, long SyncTicket, bool Refresh);
