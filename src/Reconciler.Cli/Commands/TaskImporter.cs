using System.Collections.Concurrent;
using Reconciler.Core.Applying;
using Reconciler.Core.Importing;
using Reconciler.Core.Manifests;
using Reconciler.Core.Text;
using Reconciler.Files;

namespace Reconciler.Cli.Commands;

/// <summary>
/// The work of <c>import</c>: the ids (given, or the account's list), each task not already in the repository read
/// (its detail) and written by <see cref="ImportWriter"/>, <c>--parallelism</c> at once. One task's failure never stops
/// the others; every failure is reported with its reason, and every line shows platform text escaped.
/// </summary>
internal sealed class TaskImporter(ITaskReader api, CliConsole console, int parallelism)
{
    private readonly Lock _printing = new();

    // The platform's failures (unreachable, token refused) are the run's, not a task's: said once each, at the end.
    private readonly ConcurrentDictionary<(PlatformFailureKind, string?), PlatformFailure> _platform = new();

    public async Task<ImportResult> ImportAsync(ImportRequest request, CancellationToken cancellationToken)
    {
        var listing = new ImportListing(api, console);
        var (ids, failed) = await listing.IdsAsync(request, cancellationToken);
        var snapshot = Directory.Exists(request.Root) ? new DirectorySource(request.Root).Read() : null;
        var pipeline = console.NewPipeline();
        var existing = Existing(snapshot is null ? null : pipeline.Evaluate(snapshot));

        var present = ids.Where(id => existing.ContainsKey(new TaskIdentity(request.UserId, id))).ToList();
        foreach (var id in present)
        {
            await console.Out.WriteLineAsync($"skipped   {Show(request.UserId)}/{Show(id)}: already in the repository ({Show(existing[new TaskIdentity(request.UserId, id)])}); not imported again, not tracked");
        }

        var (names, collisions) = ImportFileNames.Assign(ids.Except(present, StringComparer.Ordinal));
        var outcomes = collisions
            .Select(c => ImportOutcome.Failed(c.TaskId, $"its file name would be the one of task {Show(c.Other)} on a file system that ignores letter case ({ImportFileNames.For(c.TaskId)}): import it alone with --out to another folder"))
            .ToList();
        outcomes.ForEach(Report);

        if (names.Count > 0)
        {
            using var output = OpenOutput(request);
            var writer = new ImportWriter(request, output, snapshot?.Settings, pipeline);
            var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };
            var written = new List<ImportOutcome>();
            await Parallel.ForEachAsync(names, options, async (pair, token) =>
            {
                var outcome = await ImportOneAsync(request, writer, pair.Key, pair.Value, token);
                Report(outcome);
                lock (written)
                {
                    written.Add(outcome);
                }
            });
            outcomes.AddRange(written);
        }

        foreach (var platform in _platform.Values)
        {
            await console.Error.WriteLineAsync($"reconciler: error: {Show(platform.Message)}");
        }

        await listing.HintSubAccountsAsync(request, cancellationToken);
        var imported = outcomes.Where(o => o.Imported is not null).Select(o => o.Imported!).OrderBy(i => i.File, StringComparer.Ordinal).ToList();
        var notImported = outcomes.Where(o => o.Imported is null).Select(o => o.TaskId).Order(StringComparer.Ordinal).ToList();
        var files = outcomes.Count(o => o.File is not null);
        await console.Out.WriteLineAsync(
            $"Import: {files} written, {imported.Count} valid (each read back as exactly the platform's task and body, and checked like plan), {notImported.Count} failed, {present.Count} already present.");
        return new ImportResult(imported, notImported, failed || notImported.Count > 0);
    }

    private async Task<ImportOutcome> ImportOneAsync(ImportRequest request, ImportWriter writer, string taskId, string fileName, CancellationToken cancellationToken)
    {
        var read = await api.ReadTaskAsync(new TaskIdentity(request.UserId, taskId), request.SubUserId, cancellationToken);
        if (read.Platform is { } platform)
        {
            _platform.TryAdd((platform.Kind, platform.UserId), platform);
            return ImportOutcome.Failed(taskId, "not read: the platform failure below") with { Quiet = true };
        }

        return read.Detail is { } detail
            ? writer.Write(taskId, fileName, detail)
            : ImportOutcome.Failed(taskId, $"its detail could not be read: {read.Problem ?? "no data"}");
    }

    private void Report(ImportOutcome outcome)
    {
        lock (_printing)
        {
            if (outcome.Imported is { } imported)
            {
                console.Out.WriteLine($"imported  {Show(imported.Identity.ToString())} → {Show(imported.File)}");
                return;
            }

            if (outcome.Quiet)
            {
                return;
            }

            console.Error.WriteLine($"reconciler: error: task {Show(outcome.TaskId)}: {Show(outcome.Problem ?? "not imported")}");
            foreach (var error in outcome.Errors)
            {
                console.Error.WriteLine("  " + Show(error.ToString()));
            }
        }
    }

    /// <summary>The output folder inside DIR (also where <see cref="TaskSetImporter"/> writes a set).</summary>
    internal static ContainedDirectory OpenOutput(ImportRequest request)
    {
        try
        {
            // DIR is the user's to choose (made if missing); below it, nothing is followed.
            Directory.CreateDirectory(request.Root);
            return ContainedDirectory.Open(request.Root, request.Output);
        }
        catch (IOException e)
        {
            throw new CliException($"cannot write manifests to {Show(request.Output)}: {Show(e.Message)}", e);
        }
    }

    private static Dictionary<TaskIdentity, string> Existing(Core.Validation.DesiredState? desired) =>
        desired is null
            ? []
            : desired.Tasks.Select(t => (t.Identity, t.File))
                .Concat(desired.Invalid.SelectMany(i => i.Identity is { } identity ? [(Identity: identity, i.File)] : Array.Empty<(TaskIdentity Identity, string File)>()))
                .GroupBy(x => x.Identity)
                .ToDictionary(g => g.Key, g => g.First().File);

    private static string Show(string text) => ControlText.Escape(text);
}
