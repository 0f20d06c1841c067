using Reconciler.Core.Manifests;

namespace Reconciler.Core.Validation;

/// <summary>
/// Everything one file yields on its own (before cross-file rules): valid tasks and invalid documents.
/// Depends only on the file's path and bytes, so it can be cached by content id.
/// </summary>
public sealed record FileEvaluation(string File, IReadOnlyList<TaskManifest> Tasks, IReadOnlyList<InvalidManifest> Invalid)
{
    /// <summary>True when part of the file could not be read as documents, so some identities may be unknown.</summary>
    public bool HasUnreadableContent => Invalid.Any(i => i.Identity is null);
}
