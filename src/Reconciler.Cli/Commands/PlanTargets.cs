using Reconciler.Core.Reconciling;

namespace Reconciler.Cli.Commands;

/// <summary>
/// <c>--target</c> as plan and apply read it (the native <c>reconciler-plan</c> compiles this file too): file targets
/// relative to the manifest directory, as the plan names files, and one error for targets that matched nothing.
/// </summary>
internal static class PlanTargets
{
    /// <exception cref="CliException">A target matched no task.</exception>
    public static void Check(PendingPlan pending)
    {
        if (pending.UnmatchedTargets.Count > 0)
        {
            throw new CliException($"--target {string.Join(", ", pending.UnmatchedTargets.Select(t => $"'{t}'"))}: no such task, manifest file or task set");
        }
    }

    public static string Relative(string target, CliConsole console, string? manifestDirectory)
    {
        if (manifestDirectory is null || !(target.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || target.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || Core.Sources.DataFiles.IsDataFile(target)))
        {
            return target;
        }

        var full = console.ResolvePath(target);
        var relative = Path.GetRelativePath(manifestDirectory, full);
        return relative.StartsWith("..", StringComparison.Ordinal) ? target : relative.Replace(Path.DirectorySeparatorChar, '/');
    }
}
