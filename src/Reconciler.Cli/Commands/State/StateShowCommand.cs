using System.CommandLine;
using System.Text.Json.Nodes;
using Reconciler.Core.Text;

namespace Reconciler.Cli.Commands.State;

/// <summary><c>reconciler state show TASK</c>: the last-applied body and the last attempts with the platform's answers.</summary>
internal static class StateShowCommand
{
    public static Command Create(CliConsole console)
    {
        var task = new Argument<string>("TASK") { Description = "Task id, USER_ID/TASK_ID, a manifest file or a task name (several matches: an error listing them)." };
        var attempts = new Option<int>("--attempts") { Description = "How many of the newest attempts to show (default 10).", DefaultValueFactory = _ => 10 };
        var state = new StateOptions();
        var format = StateFormatOption.Create();
        var command = new Command("show", "Show one managed task: its last-applied body, where it came from, whether it is in doubt, and its newest attempts with the platform's answers.");
        command.Arguments.Add(task);
        command.Options.Add(attempts);
        command.Options.Add(state.State);
        command.Options.Add(format);
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var store = await state.OpenExistingAsync(result, console, cancellationToken);
            var applied = await store.LoadAppliedAsync(cancellationToken);
            var inDoubt = await store.LoadInDoubtAsync(cancellationToken);
            var identity = new TaskLookup(applied, inDoubt.Keys).Resolve(result.GetValue(task)!, console);
            var record = applied.GetValueOrDefault(identity);
            var doubt = inDoubt.GetValueOrDefault(identity);
            var history = await store.ReadAttemptsAsync(identity, Math.Max(0, result.GetValue(attempts)), cancellationToken);
            if (result.GetValue(format) == StateFormat.Json)
            {
                var json = new JsonObject
                {
                    ["user_id"] = identity.UserId,
                    ["task_id"] = identity.TaskId,
                    ["file"] = record?.SourceFile,
                    ["revision"] = record?.SourceRevision,
                    ["applied_at"] = record?.AppliedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                    ["body_hash"] = record?.Body.Hash,
                    ["body"] = record is null ? null : JsonNode.Parse(record.Body.Json),
                    ["in_doubt"] = doubt is null ? null : new JsonObject { ["since"] = doubt.At.ToString("O", System.Globalization.CultureInfo.InvariantCulture), ["body_hash"] = doubt.BodyHash, ["revision"] = doubt.Revision },
                    ["attempts"] = new JsonArray(history.Select(a => (JsonNode)StateViews.Attempt(a)).ToArray()),
                };
                await console.Out.WriteLineAsync(json.ToJsonString(StateViews.Json));
                return ExitCodes.Success;
            }

            await console.Out.WriteLineAsync($"task      {identity}");
            if (record is not null)
            {
                await console.Out.WriteLineAsync($"name      {ControlText.Escape(StateViews.NameOf(record) ?? "-")}");
                await console.Out.WriteLineAsync($"file      {ControlText.Escape(record.SourceFile)}");
                await console.Out.WriteLineAsync($"applied   {record.AppliedAt:u} at revision {record.SourceRevision ?? "-"}");
                await console.Out.WriteLineAsync($"body      {record.Body.Hash}");
                foreach (var line in StateViews.BodyLines(record.Body.Json))
                {
                    await console.Out.WriteLineAsync(line);
                }
            }
            else
            {
                await console.Out.WriteLineAsync("applied   never (no confirmed update recorded)");
            }

            if (doubt is not null)
            {
                await console.Out.WriteLineAsync($"IN DOUBT  since {doubt.At:u}: the answer to the request with body {doubt.BodyHash} was never received; the next apply sends the desired body again");
            }

            await console.Out.WriteLineAsync("attempts (newest first):");
            foreach (var attempt in history)
            {
                await console.Out.WriteLineAsync("  " + StateViews.AttemptLine(attempt));
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
