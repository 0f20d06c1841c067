using Reconciler.Core.Diagnostics;
using Reconciler.Core.Manifests;

namespace Reconciler.Core.Importing;

/// <summary>What reading an imported file back showed (<see cref="ImportVerification"/>).</summary>
/// <param name="Task">For <see cref="ImportVerdictKind.Exact"/>: the manifest as plan reads it, whose body may be tracked.</param>
/// <param name="Problem">For <see cref="ImportVerdictKind.Foreign"/>: why the file is not the document intended.</param>
/// <param name="Errors">For <see cref="ImportVerdictKind.Invalid"/>: the validation errors.</param>
public sealed record ImportVerdict(ImportVerdictKind Kind, TaskManifest? Task, string? Problem, IReadOnlyList<Diagnostic> Errors)
{
    public static ImportVerdict Foreign(string problem) => new(ImportVerdictKind.Foreign, null, problem, []);
}
