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

    /// <summary>The repository's <c>.reconciler/policy.yaml</c> at the manifest root, when there is one (never among <see cref="Files"/>).</summary>
    public ManifestFile? Policy { get; init; }

    /// <summary>
    /// The CSV files under the manifest root (see <see cref="Sources.DataFiles"/>), read lazily like the manifests:
    /// a TaskSet's <c>itemsFrom</c> is found here, so it comes from the same revision as the set. Never among <see cref="Files"/>.
    /// </summary>
    public IReadOnlyList<ManifestFile> DataFiles { get; init; } = [];
}
