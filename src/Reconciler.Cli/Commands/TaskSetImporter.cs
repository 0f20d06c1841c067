using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Reconciler.Core.Applying;
using Reconciler.Core.Importing;
using Reconciler.Core.Manifests;
using Reconciler.Core.Normalization;
using Reconciler.Core.Text;
using Reconciler.Files;

namespace Reconciler.Cli.Commands;

/// <summary>
/// <c>import --as-taskset NAME</c>: the account's live tasks (or the ids given) read like <see cref="TaskImporter"/>
/// reads them, then factored into one TaskSet (<see cref="TaskSetFactoring"/>): the fields they share as the template,
/// the differences as items — in a CSV beside the set when more than <see cref="InlineItems"/> items fit one (an item
/// with a value a cell cannot hold stays inline), else inline. The files are created new, never over another file, and read back as plan reads them:
/// every item must be valid and give exactly the body the platform reported, so the set plans as unchanged against
/// what was imported.
/// </summary>
internal sealed partial class TaskSetImporter(ITaskReader api, CliConsole console, int parallelism)
{
    /// <summary>At most this many items are written inline; more go to a CSV.</summary>
    public const int InlineItems = 5;

    public async Task<ImportResult> ImportAsync(ImportRequest request, string setName, CancellationToken cancellationToken)
    {
        if (!SetName().IsMatch(setName))
        {
            throw new CliException($"--as-taskset '{ControlText.Escape(setName)}': a set's name starts with a letter and holds only letters, digits, '-', '_' or '.' (at most 100 characters)");
        }

        var existing = Directory.Exists(request.Root) ? console.NewPipeline().Evaluate(new DirectorySource(request.Root).Read()) : null;
        if (existing?.Tasks.Any(t => t.Set?.Name == setName) == true || existing?.Invalid.Any(i => i.Set?.Name == setName || i.Name == setName) == true)
        {
            throw new CliException($"--as-taskset {setName}: the repository already has a set of that name; choose another name");
        }

        var present = (existing?.Tasks.Select(t => t.Identity) ?? []).Concat(existing?.Invalid.Select(i => i.Identity).OfType<TaskIdentity>() ?? []).ToHashSet();
        var (tasks, notRead, failed) = await ReadAsync(request, present, cancellationToken);
        if (tasks.Count == 0)
        {
            await console.Out.WriteLineAsync("Import: no task to put in the set (each is named above).");
            return new ImportResult([], notRead, failed);
        }

        FactoredSet set;
        try
        {
            set = TaskSetFactoring.Factor(tasks);
        }
        catch (ArgumentException e)
        {
            throw new CliException($"--as-taskset {setName}: {e.Message.Split(" (Parameter", 2)[0]}", e);
        }

        var (yamlPath, csvPath) = Write(request, set, setName);
        var (tracked, notTracked) = await ReadBackAsync(request, setName, tasks, yamlPath);
        await console.Out.WriteLineAsync($"Import: {tasks.Count} task(s) in set {setName} ({Relative(request.Root, yamlPath)}{(csvPath is null ? ", items inline" : $", items in {Relative(request.Root, csvPath)}")}), {set.Template.Count} shared field(s) in the template, {tracked.Count} valid.");
        return new ImportResult(tracked, [.. notRead, .. notTracked], failed || notTracked.Count > 0);
    }

    /// <summary>The tasks' details, read as <see cref="TaskImporter"/> reads them (the same listing, the same platform gate).</summary>
    private async Task<(List<ImportedTask> Tasks, List<string> NotRead, bool Failed)> ReadAsync(ImportRequest request, HashSet<TaskIdentity> present, CancellationToken cancellationToken)
    {
        var listing = new ImportListing(api, console);
        var (ids, failed) = await listing.IdsAsync(request, cancellationToken);
        foreach (var id in ids.Where(id => present.Contains(new TaskIdentity(request.UserId, id))))
        {
            await console.Out.WriteLineAsync($"skipped   {ControlText.Escape(request.UserId)}/{ControlText.Escape(id)}: already in the repository");
        }

        var reads = new ConcurrentDictionary<string, Core.Planning.RemoteTaskRead>();
        var wanted = ids.Where(id => !present.Contains(new TaskIdentity(request.UserId, id))).ToList();
        await Parallel.ForEachAsync(wanted, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (id, token) =>
            reads[id] = await api.ReadTaskAsync(new TaskIdentity(request.UserId, id), request.SubUserId, token));

        var tasks = new List<ImportedTask>();
        var notRead = new List<string>();
        foreach (var (id, read) in reads.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            if (read.Detail is { } detail && read.Platform is null)
            {
                tasks.Add(ImportedTask.FromDetail(new TaskIdentity(request.UserId, id), request.SubUserId, detail));
                continue;
            }

            failed = true;
            notRead.Add(id);
            if (read.Platform is null)
            {
                // The platform's failures are the run's, not a task's: said once each, below.
                await console.Error.WriteLineAsync($"reconciler: error: could not read task {ControlText.Escape(request.UserId)}/{ControlText.Escape(id)}: {ControlText.Escape(read.Problem ?? "no detail")}");
            }
        }

        foreach (var platform in reads.Values.Select(r => r.Platform).OfType<PlatformFailure>().DistinctBy(f => (f.Kind, f.UserId)))
        {
            await console.Error.WriteLineAsync($"reconciler: error: {ControlText.Escape(platform.Message)}");
        }

        await listing.HintSubAccountsAsync(request, cancellationToken);
        return (tasks, notRead, failed);
    }

    /// <summary>
    /// Creates the set's files inside the output folder (<see cref="ContainedDirectory"/>: never over a file, never
    /// through a link); when the set's YAML cannot be created, the CSV just written for it is removed again.
    /// </summary>
    private static (string Yaml, string? Csv) Write(ImportRequest request, FactoredSet set, string setName)
    {
        using var output = TaskImporter.OpenOutput(request);
        var folder = Path.Combine(request.Root, request.Output);
        var (csv, inline) = TaskSetCsv.Split(set, InlineItems + 1);
        var csvName = csv is null ? null : setName + ".csv";
        var schema = Path.GetRelativePath(folder, Path.Combine(Path.GetDirectoryName(SchemaLocation.Find(request.Root))!, "taskset.schema.json")).Replace(Path.DirectorySeparatorChar, '/');
        var yaml = TaskSetYaml.Write(set, setName, schema, $"{request.Endpoint} (task details of {request.UserId})", csvName, inline);
        if (csvName is not null && output.CreateFile(csvName, Encoding.UTF8.GetBytes(csv!)) is { } csvRefused)
        {
            throw new CliException($"--as-taskset: {ControlText.Escape(csvRefused)}");
        }

        if (output.CreateFile(setName + ".yaml", Encoding.UTF8.GetBytes(yaml)) is { } yamlRefused)
        {
            if (csvName is not null)
            {
                output.Remove(csvName);
            }

            throw new CliException($"--as-taskset: {ControlText.Escape(yamlRefused)}");
        }

        return (Path.Combine(folder, setName + ".yaml"), csvName is null ? null : Path.Combine(folder, csvName));
    }

    /// <summary>The set read back as plan reads it: every item valid, each body exactly the one the platform reported.</summary>
    private async Task<(List<ImportedManifest> Tracked, List<string> NotTracked)> ReadBackAsync(ImportRequest request, string setName, List<ImportedTask> tasks, string yamlPath)
    {
        var file = Relative(request.Root, yamlPath);
        var desired = console.NewPipeline().Evaluate(new DirectorySource(request.Root).Read());
        foreach (var diagnostic in desired.Invalid.Where(i => i.File == file).SelectMany(i => i.Diagnostics).Where(d => d.IsError))
        {
            await console.Error.WriteLineAsync(diagnostic.ToString());
        }

        var expected = tasks.ToDictionary(t => t.Identity, t => BodyNormalizer.Normalize(t.Spec, t.SubUserId));
        var tracked = new List<ImportedManifest>();
        foreach (var task in desired.Tasks.Where(t => t.File == file))
        {
            if (expected.GetValueOrDefault(task.Identity) is { } body && body.Equals(task.Body))
            {
                tracked.Add(new ImportedManifest(task.Identity, task.Body, task.File) { SetName = setName });
                continue;
            }

            await console.Error.WriteLineAsync($"reconciler: error: {task.Location}: task {ControlText.Escape(task.Identity.ToString())} of set {setName} does not read back as the body the platform reported; it is not tracked");
        }

        var trackedIds = tracked.Select(t => t.Identity).ToHashSet();
        return (tracked, tasks.Where(t => !trackedIds.Contains(t.Identity)).Select(t => t.Identity.TaskId).ToList());
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9._-]{0,99}\z")]
    private static partial Regex SetName();
}
