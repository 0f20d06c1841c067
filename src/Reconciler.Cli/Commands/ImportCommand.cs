using System.CommandLine;
using Reconciler.Cli.Apply;
using Reconciler.Core.Applying;
using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;
using Reconciler.Core.State;
using Reconciler.Core.Text;
using Reconciler.TaskApi.Auth;

namespace Reconciler.Cli.Commands;

/// <summary>
/// <c>reconciler import</c>: brings tasks that already live on the platform into git (terraform's import): one
/// manifest per task with every body field its detail reports, and with <c>--track</c> those bodies — what the
/// platform reported — recorded as last applied, so the next plan of an unedited import says "unchanged", nothing is
/// sent, and a later edit that drops a field is warned about.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(CliConsole console)
    {
        var directory = new Argument<string>("DIR") { Description = "The repository's manifest directory (default: the current directory).", DefaultValueFactory = _ => "." };
        var userId = new Option<string>("--user-id") { Description = "The main account whose tasks to import.", Required = true, HelpName = "USER_ID" };
        var taskIds = new Option<string[]>("--task-id") { Description = "Import only this task (repeatable). Default: every task of the account (the task list, all pages).", HelpName = "TASK_ID" };
        var subUserId = new Option<string?>("--sub-user-id") { Description = "Import the tasks of this sub-account (an import of the main account lists the sub-accounts it did not import).", HelpName = "SUB_USER_ID" };
        var output = new Option<string>("--out") { Description = "Folder for new manifests, inside DIR (default tasks). Files are only ever created new: an existing file, a symbolic link or anything else at a name is refused, never written through. A task that already has a manifest under DIR is left alone.", DefaultValueFactory = _ => "tasks", HelpName = "FOLDER" };
        var track = new Option<bool>("--track") { Description = "Record each imported body (what the platform reported) as last applied, nothing sent, so the next plan of the unedited files says unchanged. Exits 1 when a task could not be imported or tracked." };
        var pageLimit = new Option<int>("--list-page-limit") { Description = $"Read at most this many pages of the task list ({TaskListQuery.PageSize} tasks each; default {TaskListQuery.DefaultMaxPages}). Reaching it before the platform says the list is done is an error that says how many tasks were left.", DefaultValueFactory = _ => TaskListQuery.DefaultMaxPages, HelpName = "PAGES" };
        var asTaskSet = new Option<string?>("--as-taskset") { Description = "Write the tasks as one TaskSet of this name instead of one manifest each: the fields they all share as the template, the differences as items (a CSV beside the set when there are more than 5). It plans as unchanged against what was imported (docs/tasksets.md).", HelpName = "NAME" };
        var state = new StateOptions();
        var api = new ApiOptions();
        var command = new Command("import", """
            Write one manifest per live task of an account, from the platform's task list and each task's detail:
            every field the detail reports under a body field name of the task's flavour, with the $schema comment,
            the right apiVersion and Chinese text intact. Each file is read back and must be exactly the one manifest
            intended, valid like plan checks it. With --track the platform's bodies become the last-applied state
            without sending anything. See the README, "Onboarding".

            Examples:
              RECONCILER_API_TOKEN=... reconciler import . --user-id 5832d184-… --track
              reconciler import . --user-id 5832d184-… --sub-user-id 5b55bcca-… --track
              reconciler import . --user-id 5832d184-… --task-id f232d184-… --out tasks/imported
              reconciler import . --user-id 5832d184-… --as-taskset collections-east --track
            """);
        command.Arguments.Add(directory);
        command.Options.Add(userId);
        command.Options.Add(taskIds);
        command.Options.Add(subUserId);
        command.Options.Add(output);
        command.Options.Add(asTaskSet);
        command.Options.Add(track);
        command.Options.Add(pageLimit);
        command.Options.Add(state.State);
        command.Options.Add(state.Rebind);
        command.Options.Add(api.ApiUrl);
        command.Options.Add(api.Parallelism);
        command.Options.Add(api.MaxRps);
        command.SetAction(async (result, cancellationToken) =>
        {
            var root = console.ResolvePath(result.GetValue(directory) ?? ".");
            var baseAddress = api.BaseAddress(result, console);
            var request = new ImportRequest(
                root,
                OutputFolder(root, console.ResolvePath(Path.Combine(root, result.GetValue(output) ?? "tasks"))),
                result.GetValue(userId)!,
                result.GetValue(subUserId),
                TaskIds(result.GetValue(taskIds)),
                StateEndpoint.Normalize(baseAddress),
                result.GetValue(pageLimit) is var pages and >= 1 ? pages : throw new CliException("--list-page-limit must be at least 1"));
            await using var host = TaskApiHost.Create(baseAddress, new EnvironmentTokenSource(console.Environment), console.Error, api.Tuning(result, console));
            // Gated: once the platform is unreachable or refuses the token, no further read is sent (one error, not one per task).
            var gated = new GatedTaskReader(host.Reader, new PlatformGate());
            var imported = result.GetValue(asTaskSet) is { } setName
                ? await new TaskSetImporter(gated, console, api.GetParallelism(result)).ImportAsync(request, setName, cancellationToken)
                : await new TaskImporter(gated, console, api.GetParallelism(result)).ImportAsync(request, cancellationToken);
            var tracked = !result.GetValue(track) || await TrackAsync(imported, state, result, request.Endpoint, cancellationToken);
            return imported.Failed || !tracked ? ExitCodes.Error : ExitCodes.Success;
        });
        return command;

        async Task<bool> TrackAsync(ImportResult imported, StateOptions state, ParseResult result, string endpoint, CancellationToken cancellationToken)
        {
            var recorded = 0;
            if (imported.Imported.Count > 0)
            {
                await using var store = await state.OpenAsync(result, console, simulator: false, cancellationToken);
                await using var applyLock = await store.AcquireApplyLockAsync(cancellationToken);
                await state.BindAsync(store, endpoint, result, console, cancellationToken);
                foreach (var task in imported.Imported)
                {
                    try
                    {
                        await store.RecordAppliedAsync(new AppliedRecord(task.Identity, task.Body, task.File, null, TimeProvider.System.GetUtcNow()) { SetName = task.SetName }, cancellationToken);
                        recorded++;
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        await console.Error.WriteLineAsync($"reconciler: error: task {ControlText.Escape(task.Identity.ToString())} was imported but not tracked: {ControlText.Escape(e.Message)}");
                    }
                }
            }

            var missing = imported.Imported.Count - recorded + imported.NotImported.Count;
            await console.Out.WriteLineAsync($"Tracked {recorded} task(s) as last applied, with the bodies the platform reported (nothing was sent).");
            if (missing > 0)
            {
                await console.Error.WriteLineAsync($"reconciler: error: --track: {missing} task(s) were not tracked (each is named above with the reason)");
            }

            return missing == 0;
        }
    }

    private static string[] TaskIds(string[]? given) =>
        (given ?? []).Any(string.IsNullOrEmpty) ? throw new CliException("--task-id must not be empty") : given ?? [];

    /// <summary>The output folder relative to the manifest directory; a folder outside it is refused.</summary>
    private static string OutputFolder(string root, string full)
    {
        var relative = Path.GetRelativePath(root, full);
        if (relative == ".")
        {
            return "";
        }

        return Path.IsPathRooted(relative) || relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? throw new CliException($"--out must be a folder inside {ControlText.Escape(root)}, not {ControlText.Escape(full)}")
            : relative.Replace(Path.DirectorySeparatorChar, '/');
    }
}
