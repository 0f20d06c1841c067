using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Reconciler.Cli.Output;
using Reconciler.Core.Reconciling;
using Reconciler.Core.Tasks;
using Reconciler.Core.Text;
using Reconciler.Service.Status;

namespace Reconciler.Cli.Commands;

/// <summary>
/// <c>reconciler status</c>: asks a running service what it is doing, like <c>flux get</c>: the repository and
/// revision, the leader, the last run, then one line per task, problems first.
/// </summary>
internal static class StatusCommand
{
    public static Command Create(CliConsole console)
    {
        var server = new ServerOptions();
        var format = EnumOption.Create<StatusFormat>("--format", "Output format: text (a table, the default) or json (the service's /status as it answers).");
        var problems = new Option<bool>("--problems") { Description = "List only the tasks that need attention (blocked, failed, invalid, in doubt, left stopped, waiting)." };
        var command = new Command("status", """
            Show what a running service (reconciler run) is doing: the watched repository and revision, the
            leader when several replicas share a state, the last run, then every task with its state and the
            platform's last message, problems first. Reads the service's /status; changes nothing.

            Examples:
              reconciler status
              reconciler status --server http://10.0.0.5:8080 --problems
              reconciler status --format json
            """);
        server.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(problems);
        command.SetAction(async (result, cancellationToken) =>
        {
            var address = server.BaseAddress(result, console);
            var query = "status?order=problems" + (result.GetValue(problems) ? "&tasks=problems" : "");
            using var client = ServerOptions.Client(address);
            var status = await StatusClient.ReadAsync(client, address, query, cancellationToken);
            await console.Out.WriteAsync(result.GetValue(format) == StatusFormat.Json
                ? ControlText.EscapeJson(JsonSerializer.Serialize(status, StatusJson.Options)) + "\n"
                : Render(status, console.OutIsTerminal));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The text view: a few header lines, then the task table.</summary>
    internal static string Render(StatusSnapshot status, bool terminal)
    {
        var text = new StringBuilder();
        void Line(string label, string value) => text.Append(label.PadRight(10)).Append(ControlText.Escape(value)).Append('\n');
        Line("Repo:", $"{status.Repository} (branch {status.Branch}{(status.Path is { Length: > 0 } path ? ", path " + path : "")})");
        Line("Revision:", $"{Short(status.WatchedRevision) ?? "none fetched yet"}{(status.Ready ? "" : " (not ready)")}");
        if (status.Replica is { } replica)
        {
            Line("Replica:", $"{replica.Name}, {replica.Role.ToWord()}{(replica.Term is { } term ? $" (term {term})" : "")}");
            Line("Leader:", replica.Leader is { } leader
                ? $"{leader.Replica} on {leader.Host} (pid {leader.ProcessId}, term {leader.Term}, since {leader.Since:u}){(leader.Held ? "" : ", its lock is lost")}"
                : "none elected yet");
        }

        if (status.LastFetchError is { } fetchError)
        {
            Line("Fetch:", $"failing ({status.ConsecutiveFetchFailures} in a row): {fetchError}");
        }

        if (status.StateError is { } stateError)
        {
            Line("State:", $"unusable, nothing is sent: {stateError}");
        }

        if (status.LastRun is { } run)
        {
            Line("Last run:", $"{Time(run.StartedAt)} {run.Trigger.ToWord()} at {Short(run.Revision)}: {Outcomes(run.Outcomes)}{(run.Applied ? "" : " (not applied)")}, {run.DurationMs:0} ms{(run.Error is { } error ? "; error: " + error : "")}");
        }

        if (status.Hold is { } hold)
        {
            // The revision held back: nothing more of it is sent until the branch moves or `sync --resume`.
            Line("Held:", $"{Short(hold.Revision)} {hold.Summary} (since {Time(hold.At)}; reconciler sync --resume continues it)");
        }

        if (status.SyncWindow is { } window)
        {
            Line("Window:", $"{window.Windows} ({window.TimeZone}), {(window.Open ? "open" : $"closed until {Time(window.NextOpening)}")}");
        }

        text.Append('\n');
        if (status.Tasks.Count == 0)
        {
            return text.Append("No tasks to show.\n").ToString();
        }

        var rows = status.Tasks.Select(t => (IReadOnlyList<string>)
        [
            State(t),
            Cell(t.Name ?? "", terminal ? 30 : 200),
            Cell(t.TaskId ?? "", 200),
            Cell(t.File ?? "", 200),
            Cell(Message(t), terminal ? 70 : 400),
        ]).ToList();
        text.Append(TextColumns.Render(["STATE", "NAME", "TASK ID", "FILE", "MESSAGE"], rows));
        return text.Append('\n').Append(CultureInfo.InvariantCulture, $"{status.Tasks.Count} task(s), {status.Tasks.Count(TaskProblems.IsProblem)} need attention.\n").ToString();
    }

    /// <summary>The counts of a run, in the stored order, without the zeros: "2 applied, 1 blocked".</summary>
    internal static string Outcomes(RunOutcomes outcomes)
    {
        var counts = RunOutcomes.Words.Where(w => outcomes[w] > 0).Select(w => $"{outcomes[w]} {w.Replace('_', ' ')}").ToList();
        return counts.Count == 0 ? "nothing" : string.Join(", ", counts);
    }

    private static string State(TaskStanding task)
    {
        var flags = new List<string>();
        if (task.InDoubt)
        {
            flags.Add("in doubt");
        }

        if (task.LeftStopped)
        {
            flags.Add("left stopped");
        }

        if (task.Drifted && task.State != TaskState.Drifted)
        {
            flags.Add(TaskState.Drifted.ToWord());
        }

        var state = task.State.ToWord();
        return flags.Count == 0 ? state : $"{state} ({string.Join(", ", flags)})";
    }

    /// <summary>The platform's code and message, then what happens next: the retry time, or the state's next step (rejected: a manifest change).</summary>
    private static string Message(TaskStanding task)
    {
        var message = task.Message ?? (task.Errors.Count > 0 ? task.Errors[0] : "");
        var code = task.ApiCode is { } c && (message.Length > 0 || c != 200) ? $"[{c}] " : "";
        var next = task.RetryAt is { } at ? $"retry at {Time(at)}" : task.State.NeedsAttention() ? task.State.Next() : "";
        return code + message + (next.Length == 0 ? "" : message.Length + code.Length == 0 ? next : $" ({next})");
    }

    private static string Time(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string Cell(string text, int max) => TextColumns.Clip(ControlText.Escape(text), max);

    private static string? Short(string? revision) => revision is null ? null : revision[..Math.Min(12, revision.Length)];
}
