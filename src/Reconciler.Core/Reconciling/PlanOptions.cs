namespace Reconciler.Core.Reconciling;

/// <summary>What one plan asks for beyond the baseline.</summary>
/// <param name="Refresh">Read each managed task's live detail and compare it with the manifest (drift).</param>
/// <param name="Targets">Plan only these tasks (task id, <c>user_id/task_id</c>, manifest file or TaskSet name); everything else is left out of the plan entirely.</param>
/// <param name="Ledger">What is remembered of each task (the service): backoff and fights defer changes; null: every change is sent at once.</param>
/// <param name="RefreshSelection">With <paramref name="Refresh"/>: which tasks are read this time (the service's trickle); null: every managed task.</param>
public sealed record PlanOptions(bool Refresh = false, IReadOnlyList<string>? Targets = null, Ledger.TaskLedger? Ledger = null, Refresh.IRefreshSelection? RefreshSelection = null)
{
    public static readonly PlanOptions Default = new();
}
