using Reconciler.Core.Diagnostics;

namespace Reconciler.Core.Manifests;

/// <summary>
/// A valid task manifest: who it is, how it is sent, and the canonical body that would be PUT.
/// </summary>
/// <param name="Identity">(user_id, task_id): the path parameters of the PUT.</param>
/// <param name="Flavour">Which body the API document describes (新版 / 旧版 任务2.0).</param>
/// <param name="Name">The task's <c>spec.name</c>, for display.</param>
/// <param name="Body">The canonical body (see <see cref="Normalization.CanonicalBody"/>).</param>
/// <param name="Suspend"><c>metadata.suspend</c>: leave this task alone while true.</param>
/// <param name="StopBeforeUpdate"><c>metadata.stop_before_update</c>: stop a running task before updating it.</param>
/// <param name="Location">Where the document starts (file, line, column).</param>
/// <param name="Warnings">Warnings found while validating (never errors: those make it an <see cref="InvalidManifest"/>).</param>
public sealed record TaskManifest(
    TaskIdentity Identity,
    ApiFlavour Flavour,
    string Name,
    Normalization.CanonicalBody Body,
    bool Suspend,
    bool StopBeforeUpdate,
    SourceLocation Location,
    IReadOnlyList<Diagnostic> Warnings)
{
    /// <summary>The manifest file the task comes from: the set's file for a task of a TaskSet (its <see cref="Location"/> may be a CSV row).</summary>
    public string File => Set?.File ?? Location.File;

    /// <summary>The TaskSet this task was expanded from; null for a plain Task manifest.</summary>
    public TaskSetOrigin? Set { get; init; }

    /// <summary><c>metadata.sub_user_id</c>, when the task belongs to a sub-account (also present in the body).</summary>
    public string? SubUserId { get; init; }

    /// <summary>Where <c>metadata.task_id</c> is written (for duplicate-identity diagnostics).</summary>
    public SourceLocation? IdentityLocation { get; init; }

    /// <summary><c>metadata.labels</c> as text, kept only when the repository has a policy (its selectors read them); else null.</summary>
    public IReadOnlyDictionary<string, string>? Labels { get; init; }
}
