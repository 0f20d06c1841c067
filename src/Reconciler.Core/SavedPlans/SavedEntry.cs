using Reconciler.Core.Manifests;
using Reconciler.Core.Normalization;
using Reconciler.Core.Planning;

namespace Reconciler.Core.SavedPlans;

/// <summary>
/// One task of a saved plan: who, what, what it replaces and exactly what is sent.
/// </summary>
/// <param name="Replaces">Hash of the last-applied body the state held (null for an adoption: there was none).</param>
/// <param name="InDoubtIntent">The id of the intent that left the task in doubt, when it was (then the body is sent again).</param>
/// <param name="LiveDigest">With <c>--refresh</c>: the digest of what the live read said (<see cref="LiveDigest"/>); null otherwise or when it could not be read.</param>
/// <param name="Body">The body to send, byte for byte (null for <c>unmanage</c>).</param>
/// <param name="Changes">The field changes shown when the plan was made, for display.</param>
public sealed record SavedEntry(
    PlanAction Action,
    TaskIdentity Identity,
    string? Name,
    string File,
    int Line,
    int Column,
    UpdateReason? Reason,
    ApiFlavour? Flavour,
    string? SubUserId,
    bool StopBeforeUpdate,
    string? Replaces,
    long? InDoubtIntent,
    string? LiveDigest,
    CanonicalBody? Body,
    IReadOnlyList<FieldChange> Changes)
{
    /// <summary>The TaskSet the task comes from (null for a plain Task manifest), recorded with it when the plan is applied.</summary>
    public TaskSetOrigin? Set { get; init; }
}
