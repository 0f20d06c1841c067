using Reconciler.Core.Manifests;

namespace Reconciler.Core.Validation;

/// <summary>
/// Everything one file yields on its own (before cross-file rules): valid tasks and invalid documents.
/// Depends only on the file's path and bytes, so it can be cached by content id.
/// </summary>
/// <remarks>A file is planned whole or not at all: when any part of it could not be read, <see cref="Tasks"/> is empty.</remarks>
public sealed record FileEvaluation(string File, IReadOnlyList<TaskManifest> Tasks, IReadOnlyList<InvalidManifest> Invalid)
{
    /// <summary>The TaskSets this file declares (for the rule that a set's name is unique in the repository).</summary>
    public IReadOnlyList<TaskSets.TaskSetDeclaration> Sets { get; init; } = [];

    /// <summary>
    /// Other files the evaluation read (a set's CSV) with their content ids: a cached evaluation is reused only while
    /// each is unchanged. A dependency without a content id (a plain directory, a missing file) is never reused.
    /// </summary>
    public IReadOnlyList<TaskSets.DataDependency> Dependencies { get; init; } = [];
}
