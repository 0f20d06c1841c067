using Reconciler.Core.Diagnostics;
using Reconciler.Core.Planning;

namespace Reconciler.Cli.Output;

/// <summary>
/// Manifests are identified by paths relative to the manifest directory (stable across machines, and
/// what the state records); people and CI annotations want them relative to where they stand. This
/// rewrites locations for display only.
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

    public static Plan Apply(Plan plan, string prefix) =>
        prefix.Length == 0 ? plan : plan with
        {
            Entries = plan.Entries.Select(e => e with
            {
                Location = Apply(e.Location, prefix),
                Diagnostics = e.Diagnostics.Select(d => Apply(d, prefix)).ToList(),
            }).ToList(),
            UnidentifiedDocuments = plan.UnidentifiedDocuments.Select(d => d with
            {
                Location = d.Location with { File = prefix + d.Location.File },
                Diagnostics = d.Diagnostics.Select(x => Apply(x, prefix)).ToList(),
            }).ToList(),
            PolicyProblems = plan.PolicyProblems.Select(d => Apply(d, prefix)).ToList(),
        };

    public static Diagnostic Apply(Diagnostic diagnostic, string prefix) =>
        prefix.Length == 0 || diagnostic.Location is null ? diagnostic : diagnostic with { Location = Apply(diagnostic.Location, prefix) };

    private static SourceLocation? Apply(SourceLocation? location, string prefix) =>
        location is null ? null : location with { File = prefix + location.File };
}
