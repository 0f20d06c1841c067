using Reconciler.Core.Diagnostics;

namespace Reconciler.Core.Manifests;

/// <summary>
/// Everything a source found at one point in time: the candidate files, the revision they came
/// from (a commit id, or null for a plain directory) and problems met while listing them
/// (e.g. a symlink leading outside the directory).
/// </summary>
public sealed record SourceSnapshot(string? Revision, IReadOnlyList<ManifestFile> Files, IReadOnlyList<Diagnostic> Diagnostics);
