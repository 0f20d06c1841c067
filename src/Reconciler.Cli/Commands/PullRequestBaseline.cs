using Reconciler.Cli.Output;
using Reconciler.Core.Planning;
using Reconciler.Core.Reconciling;
using Reconciler.Core.Sources;
using Reconciler.Files;
using Reconciler.Git;

namespace Reconciler.Cli.Commands;

/// <summary>
/// <c>plan --base REF [--head REF]</c>: what a change set does, in pure git — the engine's base-revision
/// baseline, so "adopt" reads as a task the change adds and "unmanage" as one it removes. No state store
/// and no API are involved.
/// </summary>
internal static class PullRequestBaseline
{
    public static async Task<(Plan Plan, string DisplayPrefix)> PlanAsync(string directory, string typedDirectory, ManifestGlob glob, string baseRevision, string? headRevision, CancellationToken cancellationToken)
    {
        try
        {
            using var reader = new LocalRepositoryReader(directory, glob);
            var headSnapshot = headRevision is null
                ? new DirectorySource(directory, glob).Read() with { Revision = reader.ResolveCommitId("HEAD") }
                : reader.ReadAt(headRevision);
            var pending = await new PlanningEngine(new ReconcileSettings()).PlanAsync(headSnapshot, CompareWith.BaseRevision(reader.ReadAt(baseRevision)), PlanOptions.Default, cancellationToken);
            return (pending.Plan, DisplayPaths.PrefixFor(typedDirectory));
        }
        catch (GitSourceException e)
        {
            throw new CliException($"{e.Message} (a pull-request plan needs the base revision in the clone: in GitHub Actions use actions/checkout with fetch-depth: 0)", e);
        }
    }
}
