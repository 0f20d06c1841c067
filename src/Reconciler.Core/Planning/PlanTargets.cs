namespace Reconciler.Core.Planning;

/// <summary>
/// <c>--target</c> (like terraform's <c>-target</c>): keeps only the entries of the named tasks, so nothing else
/// is sent — and nothing else is unmanaged, since untargeted records are not in the plan at all. A target is a
/// task id, <c>user_id/task_id</c>, a manifest file (relative to the manifest directory; a set's CSV file too), or a
/// TaskSet's name (every task of the set). A target that is both a set name and a task id takes both.
/// </summary>
internal static class PlanTargets
{
    public static Plan Keep(Plan plan, IReadOnlyList<string> targets, out IReadOnlyList<string> unmatched)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(targets);
        var wanted = targets.Select(Normalize).ToList();
        var kept = plan.Entries.Where(e => wanted.Any(t => Matches(e, t))).ToList();
        var documents = plan.UnidentifiedDocuments.Where(d => wanted.Any(t => Matches(d, t))).ToList();
        unmatched = wanted.Where(t => !kept.Any(e => Matches(e, t)) && !documents.Any(d => Matches(d, t))).ToList();
        return plan with { Entries = kept, UnidentifiedDocuments = documents };
    }

    private static bool Matches(IPlanRow row, string target) =>
        (row is PlanEntry entry && (entry.Identity.TaskId == target || entry.Identity.ToString() == target || (entry.Desired?.File is { } setFile && Normalize(setFile) == target)))
        || (row.File is { } file && Normalize(file) == target)
        || (row.SetName is { } set && set == target);

    private static string Normalize(string target)
    {
        var path = target.Replace('\\', '/');
        while (path.StartsWith("./", StringComparison.Ordinal))
        {
            path = path[2..];
        }

        return path;
    }
}
