using Reconciler.Core.Diagnostics;
using Reconciler.Core.Manifests;

namespace Reconciler.Core.Validation;

/// <summary>
/// What the repository asks for at one revision: valid tasks by identity, and everything invalid.
/// Built from per-file evaluations plus the cross-file rules (one identity, one manifest; no look-alike
/// identities, see <see cref="IdentityComparison"/>).
/// </summary>
/// <param name="UnreadableFiles">
/// Files that were not read whole or hold an invalid document: identities they hold may be unknown or
/// unreadable, so the planner never unmanages a task recorded from one of them (<see cref="MayHold"/>).
/// </param>
public sealed record DesiredState(
    IReadOnlyList<TaskManifest> Tasks,
    IReadOnlyList<InvalidManifest> Invalid,
    IReadOnlySet<string> UnreadableFiles,
    string? Revision)
{
    /// <summary>
    /// Directories (with a trailing <c>/</c>; <c>""</c> for the whole source) that could not be listed: the
    /// planner never unmanages a task recorded from a file below one of them.
    /// </summary>
    public IReadOnlySet<string> UnreadableDirectories { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The repository's policy at this revision: its limits and owners are checked on the plan.</summary>
    public Guardrails.RepositoryPolicy Policy { get; init; } = Guardrails.RepositoryPolicy.None;

    /// <summary>
    /// Whether every file was read whole and every document in it is valid. Only then may a task whose manifest seems gone
    /// be unmanaged: an unreadable or invalid file could hold it under another name (the planner holds every unmanage).
    /// </summary>
    public bool IsComplete => UnreadableFiles.Count == 0 && UnreadableDirectories.Count == 0;

    /// <summary>
    /// Why the source is not complete (null when it is). The places are not named here: they are the plan's invalid entries,
    /// whose paths each output shows in its own way (with the manifest folder in front, escaped).
    /// </summary>
    public string? IncompleteReason => IsComplete
        ? null
        : $"{UnreadableFiles.Count + UnreadableDirectories.Count} file(s) or folder(s) could not be read or hold an invalid manifest (listed as invalid in this plan); nothing is unmanaged until every file is read and valid";

    /// <summary>
    /// Whether <paramref name="sourceFile"/> (a path as the state recorded it) may still hold tasks that we could not
    /// read: then a task recorded from it is kept, never unmanaged.
    /// </summary>
    public bool MayHold(string sourceFile) =>
        UnreadableFiles.Contains(sourceFile) || UnreadableDirectories.Any(d => sourceFile.StartsWith(d, StringComparison.Ordinal));

    /// <param name="sourceDiagnostics">
    /// Problems the source met while listing. An error on a file (<c>tasks/a.yaml</c>) makes that file unreadable; on a
    /// path ending in <c>/</c>, that directory; without a location (or on <c>./</c>), the whole source.
    /// </param>
    public static DesiredState Build(IEnumerable<FileEvaluation> files, IEnumerable<Diagnostic>? sourceDiagnostics = null, string? revision = null)
    {
        var evaluations = files.ToList();
        var tasks = evaluations.SelectMany(f => f.Tasks).ToList();
        var invalid = evaluations.SelectMany(f => f.Invalid).ToList();
        var unreadable = evaluations.Where(f => f.Invalid.Count > 0).Select(f => f.File).ToHashSet(StringComparer.Ordinal);
        var directories = new HashSet<string>(StringComparer.Ordinal);

        foreach (var problem in sourceDiagnostics ?? [])
        {
            if (!problem.IsError)
            {
                continue;
            }

            var file = problem.Location?.File ?? "";
            invalid.Add(new InvalidManifest(problem.Location ?? SourceLocation.StartOf(file), null, null, [problem]));
            if (UnreadableFileOf(problem) is { } unreadableFile)
            {
                unreadable.Add(unreadableFile);
            }
            else
            {
                directories.Add(file is "./" ? "" : file);
            }
        }

        var conflicts = IdentityConflicts.Find(tasks, invalid);
        if (conflicts.Count > 0)
        {
            invalid = invalid.Select(i => conflicts.TryGetValue(i, out var extra) ? i with { Diagnostics = DiagnosticOrder.Sort([.. i.Diagnostics, .. extra]) } : i).ToList();
            foreach (var task in tasks)
            {
                if (conflicts.TryGetValue(task, out var extra))
                {
                    invalid.Add(new InvalidManifest(task.Location, task.Identity, task.Name, DiagnosticOrder.Sort([.. task.Warnings, .. extra]))
                    {
                        IdentityLocation = task.IdentityLocation,
                        Set = task.Set,
                    });
                    unreadable.Add(task.File);
                }
            }

            tasks = tasks.Where(t => !conflicts.ContainsKey(t)).ToList();
        }

        return new DesiredState(
            tasks.OrderBy(t => t.Location).ToList(),
            invalid.OrderBy(i => i.Location).ToList(),
            unreadable,
            revision)
        {
            UnreadableDirectories = directories,
        };
    }

    /// <summary>The file an error the source met makes unreadable; null for a warning, or an error on a directory (<c>a/</c>) or the whole source.</summary>
    internal static string? UnreadableFileOf(Diagnostic problem) =>
        problem.IsError && (problem.Location?.File ?? "") is var file && file is not ("" or "./") && !file.EndsWith('/') ? file : null;
}
