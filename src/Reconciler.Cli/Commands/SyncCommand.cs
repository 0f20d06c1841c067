using System.CommandLine;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Reconciler.Core.Text;
using Reconciler.Service.Configuration;

namespace Reconciler.Cli.Commands;

/// <summary>
/// <c>reconciler sync</c>: asks a running service to reconcile now (<c>POST /sync</c>), authenticated with the
/// bearer token both read from <c>RECONCILER_SYNC_TOKEN</c>; with <c>--wait</c>, waits for that run and prints it.
/// </summary>
internal static class SyncCommand
{
    public static Command Create(CliConsole console)
    {
        var server = new ServerOptions();
        var wait = new Option<bool>("--wait") { Description = "Wait for the run the sync starts and print its summary (exit 1 if it ended in an error)." };
        var timeout = new Option<int>("--timeout") { Description = "With --wait: give up after this many seconds (default 120).", DefaultValueFactory = _ => 120, HelpName = "SECONDS" };
        var command = new Command("sync", $"""
            Ask a running service (reconciler run) to reconcile now: it fetches the branch and re-plans at once,
            even when the branch did not move (tasks waiting for a per-task retry keep their retry time).
            The service must have {ServiceSettings.SyncTokenVariable} set; this command sends the same token
            from its own environment. A token is only sent over https or to this machine.

            Examples:
              RECONCILER_SYNC_TOKEN=... reconciler sync
              RECONCILER_SYNC_TOKEN=... reconciler sync --server https://reconciler.internal --wait
            """);
        server.AddTo(command);
        command.Options.Add(wait);
        command.Options.Add(timeout);
        command.SetAction(async (result, cancellationToken) =>
        {
            var address = server.BaseAddress(result, console);
            var token = console.Environment(ServiceSettings.SyncTokenVariable);
            if (string.IsNullOrWhiteSpace(token))
            {
                throw new CliException($"{ServiceSettings.SyncTokenVariable} is not set: sync needs the token the service was started with");
            }

            if (!ServerOptions.IsLoopbackOrHttps(address))
            {
                throw new CliException($"refusing to send {ServiceSettings.SyncTokenVariable} over plain http to {address.Host}: use https (a proxy in front of the service) or run this on the service's machine");
            }

            using var client = ServerOptions.Client(address);
            var before = result.GetValue(wait) ? await LastRunAsync(client, address, cancellationToken) : null;
            using var request = new HttpRequestMessage(HttpMethod.Post, "sync");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Trim());
            using var response = await SendAsync(client, request, address, cancellationToken);
            switch (response.StatusCode)
            {
                case HttpStatusCode.Accepted:
                    break;
                case HttpStatusCode.NotFound:
                    throw new CliException($"the service at {address} does not accept sync requests: start it with {ServiceSettings.SyncTokenVariable} set");
                case HttpStatusCode.Unauthorized:
                    throw new CliException($"the service at {address} refused the token: {ServiceSettings.SyncTokenVariable} differs from the service's");
                default:
                    throw new CliException($"{address}sync answered HTTP {(int)response.StatusCode}");
            }

            await console.Out.WriteLineAsync($"Sync requested: the service at {address} reconciles now.");
            if (!result.GetValue(wait))
            {
                return ExitCodes.Success;
            }

            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, result.GetValue(timeout))));
            try
            {
                while (true)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(250), limit.Token);
                    if (await LastRunAsync(client, address, limit.Token) is { } run && run.StartedAt != before?.StartedAt && run.Trigger == "sync")
                    {
                        await console.Out.WriteLineAsync(ControlText.Escape($"Run (sync) at {run.Revision?[..Math.Min(12, run.Revision.Length)]}: {run.Summary}{(run.Error is null ? "" : "; error: " + run.Error)}"));
                        return run.Error is null ? ExitCodes.Success : ExitCodes.Error;
                    }
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new CliException($"no sync run finished within {result.GetValue(timeout)} s (the service may be busy with a long apply; see reconciler status)");
            }
        });
        return command;
    }

    private sealed record LastRun(string? StartedAt, string? Trigger, string? Revision, string Summary, string? Error);

    private static async Task<LastRun?> LastRunAsync(HttpClient client, Uri address, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(client, new HttpRequestMessage(HttpMethod.Get, "status?tasks=none"), address, cancellationToken);
        using var status = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        if (!status.RootElement.TryGetProperty("last_run", out var run) || run.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        string? Str(string name) => run.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        var outcomes = run.TryGetProperty("outcomes", out var counts) && counts.ValueKind == JsonValueKind.Object
            ? string.Join(", ", counts.EnumerateObject().Where(o => o.Value.TryGetInt32(out var n) && n > 0).Select(o => $"{o.Value.GetInt32()} {o.Name.Replace('_', ' ')}"))
            : "";
        return new LastRun(Str("started_at"), Str("trigger"), Str("revision"), outcomes.Length == 0 ? "nothing to do" : outcomes, Str("error"));
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request, Uri address, CancellationToken cancellationToken)
    {
        try
        {
            using (request)
            {
                return await client.SendAsync(request, cancellationToken);
            }
        }
        catch (HttpRequestException e)
        {
            throw new CliException($"cannot reach the service at {address} ({e.Message}); is `reconciler run` listening there? (--server / {ServerOptions.Variable})", e);
        }
    }
}
