using Reconciler.Core.Diagnostics;

namespace Reconciler.Core.Manifests;

/// <summary>
/// A manifest document (or a whole file) that cannot be applied. When its identity could be read,
/// the planner keeps the task out of <c>unmanage</c>: a broken manifest never makes us forget a task.
/// </summary>
public sealed record InvalidManifest(
    SourceLocation Location,
    TaskIdentity? Identity,
    string? Name,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>The manifest file: the set's file for an item of a TaskSet (its <see cref="Location"/> may be a CSV row).</summary>
    public string File => Set?.File ?? Location.File;

    /// <summary>The TaskSet this document (or item) belongs to; null for a plain Task manifest.</summary>
    public TaskSetOrigin? Set { get; init; }

    /// <summary>Where <c>metadata.task_id</c> is written (for duplicate-identity diagnostics).</summary>
    public SourceLocation? IdentityLocation { get; init; }
}
