namespace Reconciler.Core.State;

/// <summary>
/// Which state this is and how far it has moved: a saved plan records it and is applied only to the same state at
/// the same serial (like Terraform's lineage and serial).
/// </summary>
/// <param name="StoreId">The store's random id, made when it was created (<c>store_info.store_id</c>; kept by <c>state migrate</c>).</param>
/// <param name="Serial">
/// Grows with every change to what the state says: a task recorded or forgotten, an intent recorded or settled (so
/// every apply or takeover that sends anything), a binding to an endpoint. Runs and attempts alone leave it as it is.
/// Only equality means anything: a change may move it by more than one.
/// </param>
public sealed record StateVersion(string StoreId, long Serial)
{
    public override string ToString() => $"state {StoreId} at serial {Serial}";
}
