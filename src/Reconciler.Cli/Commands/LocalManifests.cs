using Reconciler.Cli.Output;
using Reconciler.Core.Manifests;
using Reconciler.Core.Sources;
using Reconciler.Files;

namespace Reconciler.Cli.Commands;

/// <summary>
/// Manifests read from a local directory, or from one file: the part of a command's input that needs no git. Shared
/// with the native <c>reconciler-validate</c> (src/Reconciler.Validate compiles this same file).
/// </summary>
internal static class LocalManifests
{
    public static ManifestGlob Glob(IReadOnlyList<string> include, IReadOnlyList<string> exclude) =>
        include.Count == 0 && exclude.Count == 0 ? ManifestGlob.Default : new ManifestGlob(include.ToArray(), exclude.Count > 0 ? exclude.ToArray() : null);

    /// <summary>Whether <paramref name="full"/> names a file rather than a directory.</summary>
    public static bool IsFile(string full) => File.Exists(full) && !Directory.Exists(full);

    /// <param name="typed">The path as the user wrote it (what the display prefix is made of).</param>
    /// <param name="full">The same path, resolved.</param>
    public static (SourceSnapshot Snapshot, string DisplayPrefix) Read(string typed, string full, ManifestGlob glob)
    {
        if (IsFile(full))
        {
            // One file: read from its folder with an include of exactly its name, so every check applies as in a directory.
            var folder = Path.GetDirectoryName(typed.TrimEnd('/')) is { Length: > 0 } parent ? parent : ".";
            var single = new DirectorySource(Path.GetDirectoryName(full)!, new ManifestGlob([Path.GetFileName(full)], null)).Read();
            return (single, DisplayPaths.PrefixFor(folder));
        }

        return (new DirectorySource(full, glob).Read(), DisplayPaths.PrefixFor(typed));
    }
}
