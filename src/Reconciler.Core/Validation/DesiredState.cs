using Reconciler.Core.Diagnostics;
using Reconciler.Core.Manifests;

namespace Reconciler.Core.Validation;

/// <summary>
/// What the repository asks for at one revision: valid tasks by identity, and everything invalid.
/// Built from per-file evaluations plus the cross-file rule (one identity, one manifest).
/// </summary>
/// <param name="UnreadableFiles">Files part of which could not be read: identities they held may be unknown, so the planner never unmanages tasks recorded from them.</param>
public sealed record DesiredState(
    IReadOnlyList<TaskManifest> Tasks,
    IReadOnlyList<InvalidManifest> Invalid,
    IReadOnlySet<string> UnreadableFiles,
    string? Revision)
{
    public static DesiredState Build(IEnumerable<FileEvaluation> files, IEnumerable<Diagnostic>? sourceDiagnostics = null, string? revision = null)
    {
        var evaluations = files.ToList();
        var tasks = evaluations.SelectMany(f => f.Tasks).ToList();
        var invalid = evaluations.SelectMany(f => f.Invalid).ToList();
        var unreadable = evaluations.Where(f => f.HasUnreadableContent).Select(f => f.File).ToHashSet(StringComparer.Ordinal);

        foreach (var problem in sourceDiagnostics ?? [])
        {
            var file = problem.Location?.File ?? "";
            if (problem.IsError)
            {
                invalid.Add(new InvalidManifest(problem.Location ?? SourceLocation.StartOf(file), null, null, [problem]));
                unreadable.Add(file);
            }
        }

        var claims = tasks.Select(t => (t.Identity, Location: t.IdentityLocation ?? t.Location))
            .Concat(invalid.Where(i => i.Identity is not null).Select(i => (Identity: i.Identity!, Location: i.IdentityLocation ?? i.Location)))
            .ToList();

        // Counted first, grouped only when something is claimed twice: the service runs this on every pass.
        var counts = new Dictionary<TaskIdentity, int>(claims.Count);
        var claimedTwice = false;
        foreach (var (identity, _) in claims)
        {
            var count = counts[identity] = counts.GetValueOrDefault(identity) + 1;
            claimedTwice |= count > 1;
        }

        var duplicates = !claimedTwice ? [] : claims
            .Where(x => counts[x.Identity] > 1)
            .GroupBy(x => x.Identity)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Location).Order().ToList());

        if (duplicates.Count > 0)
        {
            invalid = invalid.Select(i => i.Identity is { } id && duplicates.TryGetValue(id, out var places)
                ? i with { Diagnostics = DiagnosticOrder.Sort([.. i.Diagnostics, DuplicateDiagnostic(id, i.IdentityLocation ?? i.Location, places)]) }
                : i).ToList();
            foreach (var task in tasks.Where(t => duplicates.ContainsKey(t.Identity)).ToList())
            {
                tasks.Remove(task);
                var diagnostic = DuplicateDiagnostic(task.Identity, task.IdentityLocation ?? task.Location, duplicates[task.Identity]);
                invalid.Add(new InvalidManifest(task.Location, task.Identity, task.Name, DiagnosticOrder.Sort([.. task.Warnings, diagnostic]))
                {
                    IdentityLocation = task.IdentityLocation,
                });
            }
        }

        return new DesiredState(
            tasks.OrderBy(t => t.Location).ToList(),
            invalid.OrderBy(i => i.Location).ToList(),
            unreadable,
            revision);
    }

    private static Diagnostic DuplicateDiagnostic(TaskIdentity identity, SourceLocation here, List<SourceLocation> places)
    {
        var others = string.Join(", ", places.Where(p => p != here));
        return Diagnostic.Error("duplicate-identity", $"task {identity} is also defined at {others}; each task must have exactly one manifest", here, "/metadata/task_id");
    }
}
