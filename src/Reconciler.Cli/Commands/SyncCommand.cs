using System.CommandLine;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Reconciler.Core.Reconciling;
using Reconciler.Core.Text;
using Reconciler.Service.Configuration;
using Reconciler.Service.Http;
using Reconciler.Service.Status;

namespace Reconciler.Cli.Commands;

/// <summary>
/// <c>reconciler sync</c>: asks a running service to reconcile now (<c>POST /sync</c>), authenticated with the
/// bearer token both read from <c>RECONCILER_SYNC_TOKEN</c>; with <c>--wait</c>, waits for the run that answers it (the one
/// carrying the request's ticket in <c>/status</c>), prints it, and exits by how it went.
/// </summary>
internal static class SyncCommand
{
    public static Command Create(CliConsole console)
    {
        var server = new ServerOptions();
        var wait = new Option<bool>("--wait") { Description = "Wait for the run that answers this sync and print its summary; the exit code says how it went (0 done, 1 error or a task rejected, failed, unauthorized or invalid, 3 tasks waiting: blocked, held back for a retry, outside the sync window)." };
        var resume = new Option<bool>("--resume") { Description = "First release the revision the service holds back (a staged rollout that halted, a rollback), so this sync continues it." };
        var timeout = new Option<int>("--timeout") { Description = "With --wait: give up after this many seconds (default 120).", DefaultValueFactory = _ => 120, HelpName = "SECONDS" };
        var command = new Command("sync", $"""
            Ask a running service (reconciler run) to reconcile now: it fetches the branch and re-plans at once,
            even when the branch did not move (tasks waiting for a per-task retry keep their retry time).
            A sync is never lost: it is merged with whatever the service already has waiting (a webhook, a poll).
            The service must have {ServiceSettings.SyncTokenVariable} set; this command sends the same token
            from its own environment. A token is only sent over https or to this machine.

            With --resume the service first releases the revision it holds back (a staged rollout that halted,
            a rollback) and this sync continues it; without it such a revision stays held until the branch moves.

            With --wait the exit code says how the run that answered the sync went:
              0  it ran without error and every task is applied, in sync, suspended or unmanaged
              1  it failed (e.g. the fetch), or a task is rejected, failed, unauthorized, invalid or cancelled
              3  nothing failed, but tasks wait: blocked (running), held back for a retry, or outside the sync window

            Examples:
              RECONCILER_SYNC_TOKEN=... reconciler sync
              RECONCILER_SYNC_TOKEN=... reconciler sync --server https://reconciler.internal --wait
              RECONCILER_SYNC_TOKEN=... reconciler sync --resume --wait
            """);
        server.AddTo(command);
        command.Options.Add(wait);
        command.Options.Add(resume);
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
            var answer = await RequestAsync(client, address, token.Trim(), result.GetValue(resume), cancellationToken);
            var ticket = answer.Ticket;
            if (answer.Resumed is { } resumed)
            {
                await console.Out.WriteLineAsync(ControlText.Escape($"Resumed: {resumed}."));
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
                    var status = await StatusClient.ReadAsync(client, address, "status?tasks=none", limit.Token);
                    if (Answering(status, ticket) is { } run)
                    {
                        await console.Out.WriteLineAsync(ControlText.Escape($"Run ({run.Trigger.ToWord()}) at {run.Revision?[..Math.Min(12, run.Revision.Length)]}: {StatusCommand.Outcomes(run.Outcomes)}{(run.Error is null ? "" : "; error: " + run.Error)}"));
                        return ExitCode(run);
                    }
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new CliException($"no run answered the sync within {result.GetValue(timeout)} s (the service may be busy with a long apply; see reconciler status)");
            }
        });
        return command;
    }

    /// <summary>How the run that answered the sync went, as documented in the help and the README.</summary>
    internal static int ExitCode(RunStatusView run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var o = run.Outcomes;
        return run.Error is not null || o.Rejected + o.Failed + o.Unauthorized + o.Invalid + o.Cancelled > 0 ? ExitCodes.Error
            : o.Blocked + o.HeldBack + o.PendingWindow > 0 ? ExitCodes.Blocked
            : ExitCodes.Success;
    }

    /// <summary>The run that answers sync request <paramref name="ticket"/>: the first that took it, or a later one.</summary>
    private static RunStatusView? Answering(StatusSnapshot status, long ticket) =>
        status.RecentRuns.Where(r => r.SyncTicket >= ticket).MinBy(r => r.SyncTicket);

    private static async Task<SyncAnswer> RequestAsync(HttpClient client, Uri address, string token, bool resume, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, resume ? "sync?resume=true" : "sync");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await SendAsync(client, request, address, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        switch (response.StatusCode)
        {
            case HttpStatusCode.Accepted:
                return JsonSerializer.Deserialize<SyncAnswer>(body, StatusJson.Options) is { Ticket: > 0 } answer
                    ? answer
                    : throw new CliException($"{address}sync answered 202 without a ticket: is it a reconciler service of the same version?");
            case HttpStatusCode.NotFound:
                throw new CliException($"the service at {address} does not accept sync requests: start it with {ServiceSettings.SyncTokenVariable} set");
            case HttpStatusCode.Unauthorized:
                throw new CliException($"the service at {address} refused the token: {ServiceSettings.SyncTokenVariable} differs from the service's");
            case HttpStatusCode.Conflict:
                throw new CliException($"the service at {address} is a follower replica: {ControlText.Escape(body.Length > 300 ? body[..300] : body)}");
            case HttpStatusCode.ServiceUnavailable:
                throw new CliException($"the service at {address} could not release the hold: {ControlText.Escape(body.Length > 300 ? body[..300] : body)}");
            default:
                throw new CliException($"{address}sync answered HTTP {(int)response.StatusCode}");
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request, Uri address, CancellationToken cancellationToken)
    {
        try
        {
            return await client.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw StatusClient.Unreachable(address, e);
        }
    }
}
