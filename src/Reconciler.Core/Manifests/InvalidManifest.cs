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
    public string File => Location.File;

    /// <summary>Where <c>metadata.task_id</c> is written (for duplicate-identity diagnostics).</summary>
    public SourceLocation? IdentityLocation { get; init; }
}
