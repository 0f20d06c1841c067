using Reconciler.Core.Manifests;
using Reconciler.Core.Normalization;
using Reconciler.Core.Planning;
using Reconciler.Core.SavedPlans;
using Reconciler.Core.State;
using Reconciler.Core.Tests.Planning;
using Reconciler.Core.Validation;

namespace Reconciler.Core.Tests.SavedPlans;

/// <summary>The plan scenario (one task per action) saved against a state at serial 7, and the "now" it was made in.</summary>
internal static class SavedPlanSamples
{
    public const string StoreId = "0123456789abcdef0123456789abcdef";
    public const string Endpoint = "https://ai.api.example.cn:443";
    public static readonly DateTimeOffset MadeAt = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    public static readonly StateVersion Version = new(StoreId, 7);

    public static SavedPlan Saved() => SavedPlanBuilder.From(
        ValidPlan(),
        Version,
        new SavedState(null, 0, Endpoint, "state/state.db"),
        new SavedSource("manifests", null, null, null, [], [], null, "digest"),
        new SavedPlanOptions(false, []),
        MadeAt);

    /// <summary>The scenario without its invalid manifest: update, adopt, unmanage, suspended, unchanged.</summary>
    public static Plan ValidPlan() => Planner.Plan(Desired(), PlanScenario.LastApplied());

    public static DesiredState Desired() => PlanScenario.Desired() is var d ? d with { Invalid = [], UnreadableFiles = new HashSet<string>() } : null!;

    /// <summary>Nothing changed since the plan, an hour later.</summary>
    public static SavedPlanNow Now() => new(MadeAt.AddHours(1), TimeSpan.FromHours(24), Endpoint, Endpoint, Version, PlanScenario.LastApplied(), new Dictionary<TaskIdentity, TaskIntent>(), Desired());

    public static AppliedRecord Record(string taskId, string json) =>
        new(new TaskIdentity(TestManifests.UserId, taskId), CanonicalBody.FromJson(json), $"tasks/{taskId}.yaml", null, MadeAt);
}
