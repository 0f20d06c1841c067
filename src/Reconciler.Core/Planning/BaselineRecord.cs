using Reconciler.Core.Manifests;
using Reconciler.Core.Normalization;
using Reconciler.Core.State;

namespace Reconciler.Core.Planning;

/// <summary>
/// The compared-with side of one task: its last-applied record (live state) or its manifest at the base
/// revision. Only a live-state record has an <see cref="AppliedAt"/>; nothing is ever dated for show.
/// </summary>
public sealed record BaselineRecord(
    TaskIdentity Identity,
    CanonicalBody Body,
    string SourceFile,
    string? SourceRevision,
    DateTimeOffset? AppliedAt)
{
    /// <summary>The TaskSet the task came from (its name), or null for a plain Task manifest.</summary>
    public string? SetName { get; init; }

    public static BaselineRecord From(AppliedRecord record) =>
        new(record.Identity, record.Body, record.SourceFile, record.SourceRevision, record.AppliedAt) { SetName = record.SetName };
}
