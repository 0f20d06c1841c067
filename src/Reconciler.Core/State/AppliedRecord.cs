using Reconciler.Core.Manifests;
using Reconciler.Core.Normalization;

namespace Reconciler.Core.State;

/// <summary>
/// One entry of the inventory: what we last applied successfully for a task, and where it came from.
/// Written only after the API confirmed the PUT (code 200).
/// </summary>
/// <param name="Body">The canonical body that was sent.</param>
/// <param name="SourceFile">The manifest file it came from (relative path).</param>
/// <param name="SourceRevision">The commit (or null for a plain directory) it came from.</param>
public sealed record AppliedRecord(
    TaskIdentity Identity,
    CanonicalBody Body,
    string SourceFile,
    string? SourceRevision,
    DateTimeOffset AppliedAt)
{
    /// <summary>The TaskSet the task was expanded from (its name), or null for a plain Task manifest.</summary>
    public string? SetName { get; init; }
}
