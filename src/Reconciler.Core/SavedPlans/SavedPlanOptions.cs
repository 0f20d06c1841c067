namespace Reconciler.Core.SavedPlans;

/// <summary>The planning options a saved plan was made with (<c>--refresh</c>, <c>--target</c>); apply checks with the same.</summary>
public sealed record SavedPlanOptions(bool Refresh, IReadOnlyList<string> Targets);
