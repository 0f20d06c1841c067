using LibGit2Sharp;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Sources;

namespace Reconciler.Git;

/// <summary>
/// What to say about tree entries that are not read. A symbolic link the glob matches is an error: the
/// author meant it as a manifest, and skipping it silently would make its task look removed; the plan
/// fails loudly instead and the fix is to commit the file itself. A link or submodule the glob does not
/// match is a warning only when manifests inside it would have been picked up had it been a plain
/// directory (probed with a <c>.yaml</c>/<c>.yml</c> name under it); other links (a README alias) stay silent.
/// </summary>
internal static class TreeEntryDiagnostics
{
    public static Diagnostic? ForSymbolicLink(Repository repository, TreeEntry entry, string path, ManifestGlob glob)
    {
        if (glob.IsMatch(path))
        {
            return Diagnostic.Error(
                "git-symlink",
                $"'{path}' is a symbolic link{Target(repository, entry)}; links are not followed, so this manifest is not read (commit the file itself)",
                SourceLocation.StartOf(path));
        }

        return MayHoldManifests(path, glob)
            ? Diagnostic.Warning(
                "git-symlink",
                $"'{path}' is a symbolic link{Target(repository, entry)}; links are not followed, so manifests behind it are not read",
                SourceLocation.StartOf(path))
            : null;
    }

    public static Diagnostic? ForSubmodule(string path, ManifestGlob glob)
    {
        if (glob.IsMatch(path))
        {
            return Diagnostic.Error("git-submodule", $"'{path}' is a submodule, not a file; submodules are not followed", SourceLocation.StartOf(path));
        }

        return MayHoldManifests(path, glob)
            ? Diagnostic.Warning("git-submodule", $"'{path}' is a submodule; submodules are not followed, so manifests inside it are not read", SourceLocation.StartOf(path))
            : null;
    }

    /// <summary>A name that is not valid UTF-8: an error when it would be a manifest (or a directory that may hold some), so its tasks are kept.</summary>
    public static Diagnostic? ForUndecodableName(string path, bool isDirectory, ManifestGlob glob)
    {
        if (isDirectory ? !MayHoldManifests(path, glob) : !glob.IsMatch(path))
        {
            return null;
        }

        var location = isDirectory ? path + "/" : path;
        return Diagnostic.Error(
            "git-name-encoding",
            $"'{location}': its name is not valid UTF-8 (shown with \uFFFD for the bad bytes), so it is not read; rename it",
            SourceLocation.StartOf(location));
    }

    /// <summary>A tree entry that is none of file, directory, link or submodule (a damaged or unusual tree).</summary>
    public static Diagnostic? ForOtherEntry(string path, Mode mode, ManifestGlob glob) =>
        glob.IsMatch(path)
            ? Diagnostic.Error("git-not-regular", $"'{path}' is not a regular file in the tree (mode {mode}); it is not read", SourceLocation.StartOf(path))
            : null;

    private static bool MayHoldManifests(string path, ManifestGlob glob) =>
        glob.IsMatch(path + "/_.yaml") || glob.IsMatch(path + "/_.yml");

    private static string Target(Repository repository, TreeEntry entry)
    {
        try
        {
            var bytes = BlobContent.TryRead(repository, entry.Target.Id);
            if (bytes is null || bytes.Length > 1024)
            {
                return "";
            }

            return $" to '{System.Text.Encoding.UTF8.GetString(bytes)}'";
        }
        catch (LibGit2SharpException)
        {
            // The target only decorates the message; a damaged object surfaces elsewhere.
            return "";
        }
    }
}
