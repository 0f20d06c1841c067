using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Reconciler.Cli.Apply;
using Reconciler.Core.Text;
using Reconciler.Service.Configuration;
using Reconciler.Service.Http;
using Reconciler.Service.Loop;
using Reconciler.Service.Status;

namespace Reconciler.Cli.Commands;

/// <summary>
/// <c>reconciler rollback --service URL</c>: asks the running service for the plan of the earlier revision
/// (<c>POST /rollback?to=REV&amp;plan=true</c>), shows it, asks, then asks the service to roll back (<c>POST /rollback?to=REV</c>),
/// authenticated with <c>RECONCILER_SYNC_TOKEN</c> like <c>reconciler sync</c>.
/// </summary>
internal static class RollbackThroughService
{
    /// <param name="revert">Opens the revert pull request (head, rolled-back revision) when asked for; called after a rollback without error.</param>
    public static async Task<int> RunAsync(Uri address, string revision, bool autoApprove, Func<string, string, Task> revert, CliConsole console, CancellationToken cancellationToken)
    {
        var token = console.Environment(ServiceSettings.SyncTokenVariable);
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new CliException($"{ServiceSettings.SyncTokenVariable} is not set: rollback through the service needs the token the service was started with");
        }

        if (!ServerOptions.IsLoopbackOrHttps(address))
        {
            throw new CliException($"refusing to send {ServiceSettings.SyncTokenVariable} over plain http to {address.Host}: use https (a proxy in front of the service) or run this on the service's machine");
        }

        // The service answers when its pass has run: an apply may take minutes.
        using var client = new HttpClient { BaseAddress = address, Timeout = RollbackEndpoint.MaxWait + TimeSpan.FromSeconds(30) };
        var planned = await RequestAsync(client, address, token.Trim(), $"rollback?to={Uri.EscapeDataString(revision)}&plan=true", cancellationToken);
        await console.Out.WriteLineAsync(ControlText.Escape($"Rollback through {address}: the manifests of {RollbackCommand.Short(planned.Revision)} against the service's state (the branch is at {RollbackCommand.Short(planned.HeldRevision)})."));
        // The plan is the service's text: each line escaped on its own, so it cannot move the cursor or hide text here.
        await console.Out.WriteAsync(string.Join('\n', (planned.Plan ?? "").Split('\n').Select(ControlText.Escape)));
        if (!await Confirmation.ConfirmAsync(console, autoApprove, "rollback", "Rollback", cancellationToken))
        {
            return ExitCodes.Error;
        }

        var done = await RequestAsync(client, address, token.Trim(), $"rollback?to={Uri.EscapeDataString(planned.Revision ?? revision)}", cancellationToken);
        var outcomes = done.Outcomes is { } o ? StatusCommand.Outcomes(o) : "nothing to do";
        await console.Out.WriteLineAsync(ControlText.Escape($"Rolled back to {RollbackCommand.Short(done.Revision)}: {outcomes}{(done.Error is null ? "" : "; error: " + done.Error)}."));
        await console.Out.WriteLineAsync(ControlText.Escape($"The service holds {RollbackCommand.Short(done.HeldRevision)} (does not re-apply it) until the branch moves or reconciler sync --resume."));
        if (done.Error is null && done.HeldRevision is { } head && done.Revision is { } earlier)
        {
            await revert(head, earlier);
        }

        var run = new RunStatusView(Core.Reconciling.RunTrigger.Sync, default, 0, done.Revision, true, done.Outcomes ?? Core.Reconciling.RunOutcomes.None, done.Error);
        return SyncCommand.ExitCode(run);
    }

    private static async Task<RollbackAnswer> RequestAsync(HttpClient client, Uri address, string token, string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw StatusClient.Unreachable(address, e);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var shown = ControlText.Escape(body.Length > 300 ? body[..300] : body);
            return response.StatusCode switch
            {
                HttpStatusCode.OK => JsonSerializer.Deserialize<RollbackAnswer>(body, StatusJson.Options) ?? throw new CliException($"{address}rollback answered 200 without an answer"),
                HttpStatusCode.UnprocessableEntity => throw new CliException("the service refused the rollback, nothing was sent: " + ControlText.Escape(JsonSerializer.Deserialize<RollbackAnswer>(body, StatusJson.Options)?.Error ?? body)),
                HttpStatusCode.NotFound => throw new CliException($"the service at {address} does not accept rollbacks: start it with {ServiceSettings.SyncTokenVariable} set"),
                HttpStatusCode.Unauthorized => throw new CliException($"the service at {address} refused the token: {ServiceSettings.SyncTokenVariable} differs from the service's"),
                HttpStatusCode.Conflict => throw new CliException($"the service at {address} is a follower replica: {shown}"),
                _ => throw new CliException($"{address}rollback answered HTTP {(int)response.StatusCode}: {shown}"),
            };
        }
    }
}
