using Reconciler.Core.Manifests;
using Reconciler.Core.State;
using Reconciler.Core.Validation;

namespace Reconciler.Core.Planning;

/// <summary>
/// What the planner compares the desired tasks with, named truthfully: the live state store (last-applied
/// records, plus tasks whose last attempt is in doubt) or the manifests of a base revision.
/// </summary>
/// <param name="Revision">For <see cref="BaselineKind.BaseRevision"/>, the commit compared with.</param>
/// <param name="InDoubt">Tasks whose last attempt got no definitive answer (live state only): they are re-sent.</param>
public sealed record Baseline(
    BaselineKind Kind,
    string? Revision,
    IReadOnlyDictionary<TaskIdentity, BaselineRecord> Records,
    IReadOnlyDictionary<TaskIdentity, TaskIntent> InDoubt)
{
    public static readonly Baseline EmptyState = LiveState(new Dictionary<TaskIdentity, AppliedRecord>());

    /// <summary>Update requests that may still land (live state only): a change with another body waits for their deadline.</summary>
    public IReadOnlyList<OpenRequest> OpenRequests { get; init; } = [];

    public static Baseline LiveState(IReadOnlyDictionary<TaskIdentity, AppliedRecord> applied, IReadOnlyDictionary<TaskIdentity, TaskIntent>? inDoubt = null) =>
        new(BaselineKind.LiveState, null, applied.Values.ToDictionary(r => r.Identity, BaselineRecord.From), inDoubt ?? new Dictionary<TaskIdentity, TaskIntent>());

    /// <summary>The valid tasks of a base revision, as the change set's starting point.</summary>
    public static Baseline BaseRevision(string revision, DesiredState atRevision) =>
        new(
            BaselineKind.BaseRevision,
            revision,
            atRevision.Tasks.ToDictionary(t => t.Identity, t => new BaselineRecord(t.Identity, t.Body, t.File, revision, null) { SetName = t.Set?.Name }),
            new Dictionary<TaskIdentity, TaskIntent>());
}
