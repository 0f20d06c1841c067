using LibGit2Sharp;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Manifests;

namespace Reconciler.Git;

/// <summary>
/// One directory of a listing, as its own entries gave it (its subdirectories are listed under their own prefixes):
/// what the next listing re-uses, without opening the tree, when the directory's tree id has not changed. A tree id is
/// the hash of everything below it, so an unchanged id means the same files, links, submodules and names all the way down.
/// </summary>
/// <param name="Tree">The directory's tree id.</param>
/// <param name="Files">Manifests directly in it (the glob matched them).</param>
/// <param name="DataFiles">TaskSet data files directly in it.</param>
/// <param name="Settings">The repository's settings file (the root directory only).</param>
/// <param name="Diagnostics">What its own entries gave (links, submodules, undecodable names).</param>
/// <param name="Children">The prefixes (<c>a/b/</c>) of its subdirectories that were walked.</param>
internal sealed record ListedDirectory(
    ObjectId Tree,
    IReadOnlyList<ManifestFile> Files,
    IReadOnlyList<ManifestFile> DataFiles,
    ManifestFile? Settings,
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<string> Children);
