using Reconciler.Core.Manifests;

namespace Reconciler.Core.SavedPlans;

/// <summary>One reason a saved plan may no longer be applied: about the whole plan (<see cref="Task"/> null) or one planned task.</summary>
public sealed record Staleness(TaskIdentity? Task, string? Name, string Reason)
{
    public override string ToString() => Task is null ? Reason : $"{Task}{(string.IsNullOrEmpty(Name) ? "" : $" ({Name})")}: {Reason}";
}
