using Reconciler.Core.Diagnostics;

namespace Reconciler.Core.Manifests;

/// <summary>
/// Everything a source found at one point in time: the candidate files, the revision they came
/// from (a commit id, or null for a plain directory) and problems met while listing them
/// (e.g. a symlink leading outside the directory).
/// </summary>
public sealed record SourceSnapshot(string? Revision, IReadOnlyList<ManifestFile> Files, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>The repository's <c>.reconciler.yaml</c> at the manifest root, when there is one (never among <see cref="Files"/>).</summary>
    public ManifestFile? Settings { get; init; }
}
