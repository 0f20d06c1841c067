using System.CommandLine;
using System.Text.Json.Nodes;

namespace Reconciler.Cli.Commands.State;

/// <summary><c>reconciler state history [--task TASK] [--limit N]</c>: attempts, newest first.</summary>
internal static class StateHistoryCommand
{
    public static Command Create(CliConsole console)
    {
        var task = new Option<string?>("--task") { Description = "Only this task: task id, USER_ID/TASK_ID, a manifest file or a task name.", HelpName = "TASK" };
        var diff = new Option<bool>("--diff") { Description = "With --task: under each accepted update, the fields it changed from the body accepted before it." };
        var limit = new Option<int>("--limit") { Description = "How many attempts (default 50).", DefaultValueFactory = _ => 50 };
        var state = new StateOptions();
        var format = StateFormatOption.Create();
        var command = new Command("history", "List apply attempts, newest first: when, which task, how it ended, the platform's code and message, and the run's trigger and audit (pull request, merged by, approved by).");
        command.Options.Add(task);
        command.Options.Add(diff);
        command.Options.Add(limit);
        command.Options.Add(state.State);
        command.Options.Add(format);
        command.SetAction(async (result, cancellationToken) =>
        {
            if (result.GetValue(diff) && result.GetValue(task) is null)
            {
                throw new CliException("--diff needs --task: the changes are shown between one task's accepted bodies");
            }

            await using var store = await state.OpenExistingAsync(result, console, cancellationToken);
            var count = Math.Max(0, result.GetValue(limit));
            var attempts = result.GetValue(task) is { } typed
                ? await store.ReadAttemptsAsync(new TaskLookup(await store.LoadAppliedAsync(cancellationToken), (await store.ReadAttemptsAsync(100_000, cancellationToken)).Select(a => a.Identity)).Resolve(typed, console), count, cancellationToken)
                : await store.ReadAttemptsAsync(count, cancellationToken);

            // Each attempt's run: its trigger and, when recorded, who merged and approved its revision.
            var runs = new RunOfAttempt(await store.ReadRunsAsync(10_000, cancellationToken));
            if (result.GetValue(format) == StateFormat.Json)
            {
                await console.Out.WriteLineAsync(new JsonArray(attempts.Select(a => (JsonNode)runs.Json(a)).ToArray()).ToJsonString(StateViews.Json));
                return ExitCodes.Success;
            }

            var diffs = result.GetValue(diff) && store is Core.State.IAcceptedBodies bodies
                ? await AcceptedBodyDiffs.ForAsync(attempts, bodies, cancellationToken)
                : new Dictionary<int, IReadOnlyList<string>>();
            for (var i = 0; i < attempts.Count; i++)
            {
                await console.Out.WriteLineAsync(StateViews.AttemptLine(attempts[i]) + runs.Suffix(attempts[i]));
                foreach (var line in diffs.GetValueOrDefault(i) ?? [])
                {
                    await console.Out.WriteLineAsync(line);
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
