using System.CommandLine;
using Reconciler.Core.Reconciling;

namespace Reconciler.Cli.Commands;

/// <summary><c>--refresh</c> and <c>--target</c>, shared by plan and apply.</summary>
internal sealed class PlanningOptions
{
    public Option<bool> Refresh { get; } = new("--refresh")
    {
        Description = "Read each managed task from the platform (its detail) and compare the live values with the manifests: a task changed on the platform plans as update with reason drift (live → desired). Needs API access.",
    };

    public Option<string[]> Target { get; } = new("--target")
    {
        Description = "Plan (and apply) only this task: a task id, USER_ID/TASK_ID, a manifest file, or a TaskSet's name for all of its tasks (repeatable). Every other task is left out entirely: never sent, never unmanaged.",
        HelpName = "TASK_FILE_OR_SET",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Refresh);
        command.Options.Add(Target);
    }

    /// <summary>File targets are made relative to the manifest directory, as the plan names files.</summary>
    public PlanOptions Read(ParseResult result, CliConsole console, string? manifestDirectory)
    {
        var targets = (result.GetValue(Target) ?? []).Select(t => PlanTargets.Relative(t, console, manifestDirectory)).ToList();
        return new PlanOptions(result.GetValue(Refresh), targets.Count == 0 ? null : targets);
    }
}
