using Reconciler.Cli.Output;
using Reconciler.Core.Sources;
using Reconciler.Core.Planning;
using Reconciler.Core.State;
using Reconciler.Core.Validation;
using Reconciler.Files;
using Reconciler.Git;

namespace Reconciler.Cli.Commands;

/// <summary>
/// <c>plan --base REF [--head REF]</c>: what a change set does, in pure git. The base revision's valid
/// tasks play the part of the last-applied inventory, so "adopt" reads as a task the change adds and
/// "unmanage" as one it removes. No state store and no API are involved.
/// </summary>
internal static class PullRequestBaseline
{
    public static Plan Plan(string directory, string typedDirectory, ManifestGlob glob, string baseRevision, string? headRevision, ManifestPipeline pipeline, out string displayPrefix)
    {
        try
        {
            using var reader = new LocalRepositoryReader(directory, glob);
            var baseCommit = reader.ResolveCommitId(baseRevision);
            var headSnapshot = headRevision is null
                ? new DirectorySource(directory, glob).Read() with { Revision = reader.ResolveCommitId("HEAD") }
                : reader.ReadAt(headRevision);
            var head = pipeline.Evaluate(headSnapshot);
            var baseline = pipeline.Evaluate(reader.ReadAt(baseRevision)).Tasks
                .ToDictionary(t => t.Identity, t => new AppliedRecord(t.Identity, t.Body, t.File, baseCommit, DateTimeOffset.UnixEpoch));
            displayPrefix = DisplayPaths.PrefixFor(typedDirectory);
            return Planner.Plan(head, baseline, baseCommit);
        }
        catch (GitSourceException e)
        {
            throw new CliException($"{e.Message} (a pull-request plan needs the base revision in the clone: in GitHub Actions use actions/checkout with fetch-depth: 0)", e);
        }
    }
}
