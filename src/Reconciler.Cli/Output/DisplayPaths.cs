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

    /// <summary>
    /// The plan as shown: a copy with every location prefixed, made beside the plan (100,000 entries at fleet size), so
    /// each distinct file's shown path is one string however many tasks it holds (a TaskSet's items), and an entry
    /// without diagnostics keeps its empty list.
    /// </summary>
    public static Plan Apply(Plan plan, string prefix)
    {
        if (prefix.Length == 0)
        {
            return plan;
        }

        var shown = new Dictionary<string, string>(StringComparer.Ordinal);
        string Show(string file) => shown.TryGetValue(file, out var path) ? path : shown[file] = prefix + file;
        SourceLocation At(SourceLocation location) => location with { File = Show(location.File) };
        IReadOnlyList<Diagnostic> All(IReadOnlyList<Diagnostic> diagnostics) =>
            diagnostics.Count == 0 ? diagnostics : [.. diagnostics.Select(d => d.Location is null ? d : d with { Location = At(d.Location) })];

        return plan with
        {
            Entries = [.. plan.Entries.Select(e => e with { Location = e.Location is null ? null : At(e.Location), Diagnostics = All(e.Diagnostics) })],
            UnidentifiedDocuments = [.. plan.UnidentifiedDocuments.Select(d => d with { Location = At(d.Location), Diagnostics = All(d.Diagnostics) })],
            PolicyProblems = All(plan.PolicyProblems),
        };
    }

    public static Diagnostic Apply(Diagnostic diagnostic, string prefix) =>
        prefix.Length == 0 || diagnostic.Location is null ? diagnostic : diagnostic with { Location = Apply(diagnostic.Location, prefix) };

    private static SourceLocation? Apply(SourceLocation? location, string prefix) =>
        location is null ? null : location with { File = prefix + location.File };
}
