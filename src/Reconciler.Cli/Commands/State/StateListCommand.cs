using System.CommandLine;
using System.Text.Json.Nodes;
using Reconciler.Core.State;
using Reconciler.Core.Text;

namespace Reconciler.Cli.Commands.State;

/// <summary><c>reconciler state list</c>: every managed task with its last-applied revision and last outcome.</summary>
internal static class StateListCommand
{
    public static Command Create(CliConsole console)
    {
        var state = new StateOptions();
        var format = StateFormatOption.Create();
        var command = new Command("list", "List every managed task: identity, name, when and from which revision it was last applied, the last attempt's outcome, whether it is in doubt, and its manifest file (and TaskSet, when it came from one).");
        command.Options.Add(state.State);
        command.Options.Add(format);
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var store = await state.OpenExistingAsync(result, console, cancellationToken);
            var applied = await store.LoadAppliedAsync(cancellationToken);
            var inDoubt = await store.LoadInDoubtAsync(cancellationToken);
            var lastOutcome = (await store.ReadAttemptsAsync(100_000, cancellationToken)).GroupBy(a => a.Identity).ToDictionary(g => g.Key, g => g.First());
            var rows = applied.Values.OrderBy(r => r.Identity).Select(r => new
            {
                Record = r,
                Name = StateViews.NameOf(r),
                Last = lastOutcome.GetValueOrDefault(r.Identity),
                InDoubt = inDoubt.ContainsKey(r.Identity),
            }).ToList();
            if (result.GetValue(format) == StateFormat.Json)
            {
                var array = new JsonArray(rows.Select(r => (JsonNode)new JsonObject
                {
                    ["user_id"] = r.Record.Identity.UserId,
                    ["task_id"] = r.Record.Identity.TaskId,
                    ["name"] = r.Name,
                    ["file"] = r.Record.SourceFile,
                    ["set"] = r.Record.SetName,
                    ["revision"] = r.Record.SourceRevision,
                    ["applied_at"] = r.Record.AppliedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                    ["body_hash"] = r.Record.Body.Hash,
                    ["last_outcome"] = r.Last?.Outcome.ToWord(),
                    ["in_doubt"] = r.InDoubt,
                }).ToArray());
                await console.Out.WriteLineAsync(array.ToJsonString(StateViews.Json));
                return ExitCodes.Success;
            }

            foreach (var r in rows)
            {
                var revision = r.Record.SourceRevision is { } rev ? rev[..Math.Min(12, rev.Length)] : "-";
                await console.Out.WriteLineAsync($"{r.Record.Identity}  {ControlText.Escape(r.Name ?? "-")}  applied {r.Record.AppliedAt:u} at {revision}  last: {r.Last?.Outcome.ToWord() ?? "-"}{(r.InDoubt ? "  IN DOUBT" : "")}  {ControlText.Escape(r.Record.SourceFile)}{(r.Record.SetName is { } set ? $" (set {ControlText.Escape(set)})" : "")}");
            }

            await console.Out.WriteLineAsync($"{rows.Count} managed task(s), {rows.Count(r => r.InDoubt)} in doubt.");
            return ExitCodes.Success;
        });
        return command;
    }
}
