using System.CommandLine;
using Reconciler.Cli.Apply;
using Reconciler.Core.Applying;
using Reconciler.Core.Importing;
using Reconciler.Core.Manifests;
using Reconciler.Core.State;
using Reconciler.Files;
using Reconciler.TaskApi.Auth;

namespace Reconciler.Cli.Commands;

/// <summary>
/// <c>reconciler import</c>: brings tasks that already live on the platform into git (terraform's import): one
/// manifest per task from its detail answer, and with <c>--track</c> their bodies recorded as last applied, so
/// the next plan of an unedited import says "unchanged" and nothing is sent.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(CliConsole console)
    {
        var directory = new Argument<string>("DIR") { Description = "The repository's manifest directory (default: the current directory).", DefaultValueFactory = _ => "." };
        var userId = new Option<string>("--user-id") { Description = "The main account whose tasks to import.", Required = true, HelpName = "USER_ID" };
        var taskIds = new Option<string[]>("--task-id") { Description = "Import only this task (repeatable). Default: every task of the account (the task list, all pages).", HelpName = "TASK_ID" };
        var subUserId = new Option<string?>("--sub-user-id") { Description = "Import the tasks of this sub-account.", HelpName = "SUB_USER_ID" };
        var output = new Option<string>("--out") { Description = "Folder for new manifests, relative to DIR (default tasks). A task that already has a manifest under DIR is left alone.", DefaultValueFactory = _ => "tasks", HelpName = "FOLDER" };
        var track = new Option<bool>("--track") { Description = "Record the imported bodies as last applied (nothing is sent), so the next plan of the unedited files says unchanged." };
        var state = new StateOptions();
        var api = new ApiOptions();
        var command = new Command("import", """
            Write one manifest per live task of an account, from the platform's task list and each task's detail,
            with the $schema comment, the right apiVersion, Chinese text intact, and comments where the detail
            could not be mapped. Only what the detail carries is imported (see the README, "Onboarding"). With
            --track the imported bodies become the last-applied state without sending anything.

            Examples:
              RECONCILER_API_TOKEN=... reconciler import . --user-id 5832d184-… --track
              reconciler import . --user-id 5832d184-… --task-id f232d184-… --out tasks/imported
            """);
        command.Arguments.Add(directory);
        command.Options.Add(userId);
        command.Options.Add(taskIds);
        command.Options.Add(subUserId);
        command.Options.Add(output);
        command.Options.Add(track);
        command.Options.Add(state.State);
        command.Options.Add(state.Rebind);
        command.Options.Add(api.ApiUrl);
        command.Options.Add(api.Parallelism);
        command.SetAction(async (result, cancellationToken) =>
        {
            var root = console.ResolvePath(result.GetValue(directory) ?? ".");
            var baseAddress = api.BaseAddress(result, console);
            var request = new ImportRequest(root, console.ResolvePath(Path.Combine(root, result.GetValue(output) ?? "tasks")), result.GetValue(userId)!, result.GetValue(subUserId), result.GetValue(taskIds) ?? [], StateEndpoint.Normalize(baseAddress));
            await using var host = TaskApiHost.Create(baseAddress, new EnvironmentTokenSource(console.Environment), console.Error, ApiTuning.Read(console.Environment));
            // Gated: once the platform is unreachable or refuses the token, no further read is sent (one error, not one per task).
            var imported = await new TaskImporter(new GatedTaskApi(host.Api, new PlatformGate()), console, api.GetParallelism(result)).ImportAsync(request, cancellationToken);
            if (result.GetValue(track) && imported.Tracked.Count > 0)
            {
                await using var store = await state.OpenAsync(result, console, simulator: false, cancellationToken);
                await using var applyLock = await store.AcquireApplyLockAsync(cancellationToken);
                await state.BindAsync(store, StateEndpoint.Normalize(baseAddress), result, console, cancellationToken);
                foreach (var task in imported.Tracked)
                {
                    await store.RecordAppliedAsync(new AppliedRecord(task.Identity, task.Body, task.File, null, TimeProvider.System.GetUtcNow()), cancellationToken);
                }

                await console.Out.WriteLineAsync($"Tracked {imported.Tracked.Count} task(s) as last applied (nothing was sent).");
            }

            return imported.Failed ? ExitCodes.Error : ExitCodes.Success;
        });
        return command;
    }
}
