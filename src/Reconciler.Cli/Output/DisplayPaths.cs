using Reconciler.Core.Diagnostics;

namespace Reconciler.Cli.Output;

/// <summary>
/// Manifests are identified by paths relative to the manifest directory (stable across machines, and
/// what the state records); people and CI annotations want them relative to where they stand. The prefix is for
/// display only: plan renderers take it and write it before each path (<c>PlanText.ShownFile</c>), so a plan of 100,000
/// entries is never copied to be shown.
/// </summary>
internal static class DisplayPaths
{
    /// <summary>The prefix to show before manifest paths: the directory as the user wrote it (so paths are clickable where they stand), or "" for the current directory.</summary>
    public static string PrefixFor(string typedDirectory)
    {
        var path = typedDirectory.Replace('\\', '/').TrimEnd('/');
        while (path.StartsWith("./", StringComparison.Ordinal))
        {
            path = path[2..];
        }

        return path is "" or "." ? "" : path + "/";
    }

    /// <summary>A diagnostic as shown (validate's report). A plan is not copied: its renderers write the prefix before each path as they go.</summary>
    public static Diagnostic Apply(Diagnostic diagnostic, string prefix) =>
        prefix.Length == 0 || diagnostic.Location is null ? diagnostic : diagnostic with { Location = Apply(diagnostic.Location, prefix) };

    private static SourceLocation? Apply(SourceLocation? location, string prefix) =>
        location is null ? null : location with { File = prefix + location.File };
}
