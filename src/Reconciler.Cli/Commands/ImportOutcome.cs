using Reconciler.Core.Diagnostics;

namespace Reconciler.Cli.Commands;

/// <summary>What became of one task of an import.</summary>
/// <param name="File">The manifest written (relative to the manifest directory), when one was.</param>
/// <param name="Imported">Set when the file reads back as exactly the platform's task: it may be tracked.</param>
/// <param name="Problem">Why the task was not imported (or was written but is invalid); null when it was.</param>
/// <param name="Errors">Validation errors of a written but invalid manifest.</param>
internal sealed record ImportOutcome(string TaskId, string? File, ImportedManifest? Imported, string? Problem, IReadOnlyList<Diagnostic> Errors)
{
    /// <summary>Not reported task by task: a platform failure, said once for the run.</summary>
    public bool Quiet { get; init; }

    public static ImportOutcome Failed(string taskId, string problem) => new(taskId, null, null, problem, []);
}
