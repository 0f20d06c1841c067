using System.CommandLine;
using System.Text.Json.Nodes;
using Reconciler.Core.State;

namespace Reconciler.Cli.Commands.State;

/// <summary><c>reconciler state forget TASK</c>: stop managing one task; the platform is not touched.</summary>
internal static class StateForgetCommand
{
    public static Command Create(CliConsole console)
    {
        var task = new Argument<string>("TASK") { Description = "Task id, USER_ID/TASK_ID, a manifest file or a task name (several matches: an error listing them)." };
        var state = new StateOptions();
        var format = StateFormatOption.Create();
        var command = new Command("forget", "Stop managing one task: its last-applied record is removed (the history stays); the task on the platform is not touched. While its manifest exists, the next plan adopts it again.");
        command.Arguments.Add(task);
        command.Options.Add(state.State);
        command.Options.Add(format);
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var store = await state.OpenExistingAsync(result, console, cancellationToken);
            IAsyncDisposable applyLock;
            try
            {
                applyLock = await store.AcquireApplyLockAsync(cancellationToken);
            }
            catch (StateLockedException e)
            {
                throw new CliException(e.Message, e);
            }

            await using (applyLock)
            {
                var identity = new TaskLookup(await store.LoadAppliedAsync(cancellationToken), []).Resolve(result.GetValue(task)!, console);
                await store.ForgetAsync(identity, cancellationToken);
                await console.Out.WriteLineAsync(result.GetValue(format) == StateFormat.Json
                    ? new JsonObject { ["user_id"] = identity.UserId, ["task_id"] = identity.TaskId, ["forgotten"] = true, ["platform_touched"] = false }.ToJsonString(StateViews.Json)
                    : $"Forgot {identity}: no longer managed; the platform was not touched.");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
