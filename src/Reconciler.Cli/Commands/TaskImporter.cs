using System.Collections.Concurrent;
using Reconciler.Core.Applying;
using Reconciler.Core.Importing;
using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;
using Reconciler.Files;

namespace Reconciler.Cli.Commands;

/// <summary>
/// The work of <c>import</c>: list the account's tasks (or take the ids given), read each detail, write a manifest
/// for each task not already in the repository, and check every written file the way plan would.
/// </summary>
internal sealed class TaskImporter(ITaskApi api, CliConsole console, int parallelism)
{
    public async Task<ImportResult> ImportAsync(ImportRequest request, CancellationToken cancellationToken)
    {
        var failed = false;
        IReadOnlyList<string> ids = request.TaskIds;
        if (ids.Count == 0)
        {
            var list = await api.ListTasksAsync(request.UserId, request.SubUserId, cancellationToken);
            if (list.Problem is { } problem)
            {
                throw new CliException(list.Platform?.Message ?? $"could not list the tasks of account {request.UserId}: {problem}");
            }

            ids = list.TaskIds;
        }

        var existing = ExistingManifests(request.Root);
        var reads = new ConcurrentDictionary<string, RemoteTaskRead>();
        await Parallel.ForEachAsync(ids.Where(id => !existing.ContainsKey(new TaskIdentity(request.UserId, id))), new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (id, token) =>
            reads[id] = await api.ReadTaskAsync(new TaskIdentity(request.UserId, id), request.SubUserId, token));

        var present = ids.Where(id => existing.ContainsKey(new TaskIdentity(request.UserId, id))).ToList();
        foreach (var id in present)
        {
            await console.Out.WriteLineAsync($"skipped   {request.UserId}/{id}: already in the repository ({existing[new TaskIdentity(request.UserId, id)]})");
        }

        var written = new List<string>();
        foreach (var (id, read) in reads.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            if (read.Platform is not null)
            {
                // The platform's failure, not this task's: said once below.
                failed = true;
                continue;
            }

            if (read.Detail is not { } detail)
            {
                failed = true;
                await console.Error.WriteLineAsync($"reconciler: error: could not read task {request.UserId}/{id}: {read.Problem}");
                continue;
            }

            var task = ImportedTask.FromDetail(new TaskIdentity(request.UserId, id), request.SubUserId, detail);
            var path = Path.Combine(request.Output, FileName(id));
            Directory.CreateDirectory(request.Output);
            var schema = Path.GetRelativePath(request.Output, SchemaLocation.Find(request.Root)).Replace(Path.DirectorySeparatorChar, '/');
            await File.WriteAllTextAsync(path, ManifestYaml.Write(task, schema, $"{request.Endpoint} (task detail of {request.UserId}/{id})"), cancellationToken);
            written.Add(Path.GetRelativePath(request.Root, path).Replace(Path.DirectorySeparatorChar, '/'));
            await console.Out.WriteLineAsync($"imported  {request.UserId}/{id} → {written[^1]}");
        }

        foreach (var platform in reads.Values.Select(r => r.Platform).OfType<PlatformFailure>().DistinctBy(f => (f.Kind, f.UserId)))
        {
            await console.Error.WriteLineAsync($"reconciler: error: {platform.Message}");
        }

        // The written files, checked exactly as plan checks them: an import that does not validate says so.
        var desired = console.NewPipeline().Evaluate(new DirectorySource(request.Root).Read());
        var writtenSet = written.ToHashSet(StringComparer.Ordinal);
        foreach (var diagnostic in desired.Invalid.Where(i => writtenSet.Contains(i.File)).SelectMany(i => i.Diagnostics).Where(d => d.IsError))
        {
            failed = true;
            await console.Error.WriteLineAsync(diagnostic.ToString());
        }

        var tracked = desired.Tasks.Where(t => writtenSet.Contains(t.File)).Select(t => new ImportedManifest(t.Identity, t.Body, t.File)).ToList();
        await console.Out.WriteLineAsync($"Import: {written.Count} written, {tracked.Count} valid, {present.Count} already present.");
        return new ImportResult(tracked, failed);
    }

    private Dictionary<TaskIdentity, string> ExistingManifests(string root)
    {
        if (!Directory.Exists(root))
        {
            return [];
        }

        var desired = console.NewPipeline().Evaluate(new DirectorySource(root).Read());
        return desired.Tasks.Select(t => (t.Identity, t.File))
            .Concat(desired.Invalid.Where(i => i.Identity is not null).Select(i => (Identity: i.Identity!, i.File)))
            .GroupBy(x => x.Identity)
            .ToDictionary(g => g.Key, g => g.First().File);
    }

    // The task id alone: ids are what the platform guarantees unique, and a name may change on the console.
    private static string FileName(string taskId) => string.Concat(taskId.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_')) + ".yaml";
}
