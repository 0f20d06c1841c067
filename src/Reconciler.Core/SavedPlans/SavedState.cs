namespace Reconciler.Core.SavedPlans;

/// <summary>The state a saved plan was made against, and the endpoint its bodies are for.</summary>
/// <param name="StoreId">The store's id; null when there was no state yet (then only a state that never changed may take the plan).</param>
/// <param name="Serial">The store's serial when the plan was read (0 without a state).</param>
/// <param name="Endpoint">The normalised task API endpoint (<see cref="State.StateEndpoint"/>) the plan is for.</param>
/// <param name="Location">Where the state was, as typed (a path, or a PostgreSQL URL without password), for messages.</param>
public sealed record SavedState(string? StoreId, long Serial, string Endpoint, string Location);
