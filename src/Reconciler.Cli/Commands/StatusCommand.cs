using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Reconciler.Cli.Output;
using Reconciler.Core.Text;

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
            string body;
            try
            {
                using var response = await client.GetAsync(query, cancellationToken);
                body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    throw new CliException($"{address}status answered HTTP {(int)response.StatusCode}: {ControlText.Escape(body.Length > 200 ? body[..200] : body)}");
                }
            }
            catch (HttpRequestException e)
            {
                throw new CliException($"cannot reach the service at {address} ({e.Message}); is `reconciler run` listening there? (--server / {ServerOptions.Variable})", e);
            }
            catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw new CliException($"the service at {address} did not answer within 15 s", e);
            }

            using var status = Parse(body, address);
            await console.Out.WriteAsync(result.GetValue(format) == StatusFormat.Json
                ? ControlText.EscapeJson(JsonSerializer.Serialize(status.RootElement, Indented)) + "\n"
                : Render(status.RootElement, console.OutIsTerminal));
            return ExitCodes.Success;
        });
        return command;
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static JsonDocument Parse(string body, Uri address)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw new CliException($"{address}status did not answer JSON: is this a reconciler service?", e);
        }
    }

    /// <summary>The text view: a few header lines, then the task table.</summary>
    internal static string Render(JsonElement status, bool terminal)
    {
        var text = new StringBuilder();
        void Line(string label, string value) => text.Append(label.PadRight(10)).Append(ControlText.Escape(value)).Append('\n');
        Line("Repo:", $"{Str(status, "repository")} (branch {Str(status, "branch")}{(Str(status, "path") is { Length: > 0 } path ? ", path " + path : "")})");
        Line("Revision:", $"{Short(Str(status, "watched_revision")) ?? "none fetched yet"}{(Bool(status, "ready") ? "" : " (not ready)")}");
        if (status.TryGetProperty("leader", out var leader) && leader.ValueKind != JsonValueKind.Null)
        {
            Line("Leader:", leader.ValueKind == JsonValueKind.String ? leader.GetString()! : leader.GetRawText());
        }

        if (Str(status, "last_fetch_error") is { } fetchError)
        {
            Line("Fetch:", $"failing ({Int(status, "consecutive_fetch_failures")} in a row): {fetchError}");
        }

        if (Str(status, "state_error") is { } stateError)
        {
            Line("State:", $"unusable, nothing is sent: {stateError}");
        }

        if (status.TryGetProperty("last_run", out var run) && run.ValueKind == JsonValueKind.Object)
        {
            Line("Last run:", $"{Str(run, "started_at")} {Str(run, "trigger")} at {Short(Str(run, "revision"))}: {Outcomes(run)}{(Bool(run, "applied") ? "" : " (not applied)")}, {Double(run, "duration_ms"):0} ms{(Str(run, "error") is { } error ? "; error: " + error : "")}");
        }

        if (status.TryGetProperty("sync_window", out var window) && window.ValueKind == JsonValueKind.Object)
        {
            Line("Window:", $"{Str(window, "windows")} ({Str(window, "time_zone")}), {(Bool(window, "open") ? "open" : "closed until " + Str(window, "next_opening"))}");
        }

        var tasks = status.TryGetProperty("tasks", out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().ToList() : [];
        text.Append('\n');
        if (tasks.Count == 0)
        {
            return text.Append("No tasks to show.\n").ToString();
        }

        var rows = tasks.Select(t => (IReadOnlyList<string>)
        [
            State(t),
            Cell(Str(t, "name") ?? "", terminal ? 30 : 200),
            Cell(Str(t, "task_id") ?? "", 200),
            Cell(Str(t, "file") ?? "", 200),
            Cell(Message(t), terminal ? 70 : 400),
        ]).ToList();
        text.Append(TextColumns.Render(["STATE", "NAME", "TASK ID", "FILE", "MESSAGE"], rows));
        var problems = tasks.Count(t => Str(t, "state") is not ("in_sync" or "applied" or "suspended" or "unmanaged") || Bool(t, "in_doubt") || Bool(t, "left_stopped"));
        return text.Append('\n').Append(CultureInfo.InvariantCulture, $"{tasks.Count} task(s), {problems} need attention.\n").ToString();
    }

    private static string State(JsonElement task)
    {
        var state = Str(task, "state") ?? "?";
        var flags = new List<string>();
        if (Bool(task, "in_doubt"))
        {
            flags.Add("in doubt");
        }

        if (Bool(task, "left_stopped"))
        {
            flags.Add("left stopped");
        }

        if (Bool(task, "drifted") && state != "drifted")
        {
            flags.Add("drifted");
        }

        return ControlText.Escape(flags.Count == 0 ? state : $"{state} ({string.Join(", ", flags)})");
    }

    private static string Message(JsonElement task)
    {
        var errors = task.TryGetProperty("errors", out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().Select(e => e.GetString()).FirstOrDefault() : null;
        var message = Str(task, "message") ?? errors ?? "";
        var code = task.TryGetProperty("api_code", out var c) && c.ValueKind == JsonValueKind.Number && (message.Length > 0 || c.GetInt32() != 200) ? $"[{c.GetInt32()}] " : "";
        var retry = Str(task, "retry_at") is { } at && Str(task, "state") is "held_back" or "blocked" or "failed" ? $" (retry at {at})" : "";
        return code + message + retry;
    }

    private static string Outcomes(JsonElement run)
    {
        if (!run.TryGetProperty("outcomes", out var outcomes) || outcomes.ValueKind != JsonValueKind.Object)
        {
            return "";
        }

        var counts = outcomes.EnumerateObject().Where(o => o.Value.ValueKind == JsonValueKind.Number && o.Value.GetInt32() > 0).Select(o => $"{o.Value.GetInt32()} {o.Name.Replace('_', ' ')}").ToList();
        return counts.Count == 0 ? "nothing" : string.Join(", ", counts);
    }

    private static string Cell(string text, int max) => TextColumns.Clip(ControlText.Escape(text), max);

    private static string? Short(string? revision) => revision is null ? null : revision[..Math.Min(12, revision.Length)];

    private static string? Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool Bool(JsonElement element, string name) => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static int Int(JsonElement element, string name) => element.TryGetProperty(name, out var value) && value.TryGetInt32(out var n) ? n : 0;

    private static double Double(JsonElement element, string name) => element.TryGetProperty(name, out var value) && value.TryGetDouble(out var n) ? n : 0;
}
