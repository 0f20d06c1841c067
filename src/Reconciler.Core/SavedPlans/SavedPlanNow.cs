using Reconciler.Core.Manifests;
using Reconciler.Core.State;
using Reconciler.Core.Validation;

namespace Reconciler.Core.SavedPlans;

/// <summary>What is true when a saved plan is about to be applied: what <see cref="SavedPlanCheck"/> compares it with.</summary>
/// <param name="Endpoint">The normalised endpoint this apply sends to.</param>
/// <param name="BoundEndpoint">The endpoint the state is bound to now (null: not bound yet).</param>
/// <param name="Desired">The manifests as they are now, read from the plan's source.</param>
public sealed record SavedPlanNow(
    DateTimeOffset At,
    TimeSpan MaxAge,
    string Endpoint,
    string? BoundEndpoint,
    StateVersion Version,
    IReadOnlyDictionary<TaskIdentity, AppliedRecord> Applied,
    IReadOnlyDictionary<TaskIdentity, TaskIntent> InDoubt,
    DesiredState Desired);
