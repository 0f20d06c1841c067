using System.IO.Pipelines;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Reconciler.Core.Reconciling;
using Reconciler.Service.Configuration;
using Reconciler.Service.Loop;
using Reconciler.Service.Metrics;

namespace Reconciler.Service.Http;

/// <summary>
/// <c>POST /hooks/github</c>: a push to the watched branch triggers an immediate poll, so a merge is applied in
/// seconds instead of up to one interval later. The body is hashed as it streams in, never held whole (GitHub's
/// payloads reach 25 MB); only a matching signature lets a delivery trigger anything, and a bad or missing one
/// gets 401. <c>ping</c> answers 200; pushes to other branches are ignored. <see cref="WebhookGate"/> bounds how many
/// deliveries are read and wait at once, per lane (signed or not) and per client, and for how long.
/// </summary>
public sealed partial class GitHubWebhook(ServiceOptions options, ServiceSecrets secrets, TriggerQueue triggers, ServiceMetrics metrics, ILogger<GitHubWebhook> logger) : IDisposable
{
    /// <summary>GitHub caps payloads at 25 MB; a push of a big merge can be a few MB.</summary>
    public const int MaxBodyBytes = 25 * 1024 * 1024;

    /// <summary>How many bodies are read at once, and how many wait (shared by every delivery).</summary>
    public WebhookGate Gate { get; } = new();

    private readonly UnauthenticatedLines _rejectedLines = new();

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (secrets.WebhookSecret is not { } secret)
        {
            metrics.Webhook("disabled");
            return Results.Json(new { error = $"webhooks are disabled: set {ServiceSettings.WebhookSecretVariable}" }, statusCode: StatusCodes.Status404NotFound);
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            metrics.Webhook("too_large");
            return Results.Json(new { error = "payload too large" }, statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        // Outside text: GitHub's delivery ids are GUIDs; anything longer is cut before it reaches a log line.
        var delivery = request.Headers["X-GitHub-Delivery"].ToString();
        delivery = delivery.Length <= 64 ? delivery : delivery[..64] + "…";

        // A missing or malformed signature can never match, but its body is still read (hashed and dropped, in the
        // unsigned lane of the gate): answering before the body would reset a client that is still sending it.
        var signed = WebhookSignature.TryParse(request.Headers[WebhookSignature.Header].FirstOrDefault(), out var presented);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Gate.ReadDeadline);
        IDisposable? turn;
        try
        {
            turn = await Gate.EnterAsync(request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown", signed, deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            turn = null; // waited the whole deadline for a turn
        }

        using var held = turn;
        if (turn is null)
        {
            metrics.Webhook("busy");
            request.HttpContext.Response.Headers.RetryAfter = "10";
            return Results.Json(new { error = "too many webhook deliveries at once; try again" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        // The body gets the same deadline again, from now: a client trickling bytes loses its turn when it runs out.
        deadline.CancelAfter(Gate.ReadDeadline);
        var gitHubEvent = request.Headers["X-GitHub-Event"].ToString();
        using var pushRef = new PushRefReader();
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secret);
        switch (await StreamAsync(request.BodyReader, hmac, gitHubEvent == "push" ? pushRef : null, deadline.Token, cancellationToken))
        {
            case BodyRead.TooLarge:
                metrics.Webhook("too_large");
                return Results.Json(new { error = "payload too large" }, statusCode: StatusCodes.Status413PayloadTooLarge);
            case BodyRead.TooSlow:
                metrics.Webhook("timeout");
                return Results.Json(new { error = "the body did not arrive in time" }, statusCode: StatusCodes.Status408RequestTimeout);
        }

        if (!signed || !WebhookSignature.Matches(hmac.GetHashAndReset(), presented))
        {
            return Unauthorized(delivery);
        }

        switch (gitHubEvent)
        {
            case "ping":
                metrics.Webhook("ping");
                return Results.Json(new { status = "pong" });
            case "push" when pushRef.GaveUp:
                // Signed, but the ref is not where GitHub puts it: polling is harmless (the service reads the repository itself).
                triggers.Request(RunTrigger.Webhook);
                metrics.Webhook("accepted");
                LogAccepted(logger, pushRef.ToString(), delivery);
                return Results.Json(new { status = "poll queued (ref not read)" }, statusCode: StatusCodes.Status202Accepted);
            case "push":
                var pushed = pushRef.Ref;
                if (!IsWatched(pushed))
                {
                    metrics.Webhook("ignored");
                    return Results.Json(new { status = $"ignored: push to {pushed ?? "(no ref)"}, watching {options.Branch}" });
                }

                triggers.Request(RunTrigger.Webhook);
                metrics.Webhook("accepted");
                LogAccepted(logger, pushed!, delivery);
                return Results.Json(new { status = "poll queued" }, statusCode: StatusCodes.Status202Accepted);
            case "pull_request" when options.GitHubRepo is not null:
                // Pull-request heads are planned after each poll: poll now rather than at the next interval.
                triggers.Request(RunTrigger.Webhook);
                metrics.Webhook("accepted");
                return Results.Json(new { status = "poll queued" }, statusCode: StatusCodes.Status202Accepted);
            default:
                metrics.Webhook("ignored");
                return Results.Json(new { status = $"ignored: event '{gitHubEvent}'" });
        }
    }

    /// <summary>
    /// Hashes the body as it arrives (and looks for a push's ref in a fixed window), so a delivery costs the
    /// server's buffers and <see cref="PushRefReader.Window"/> bytes, whatever its size. False: over the size cap.
    /// </summary>
    private static async Task<BodyRead> StreamAsync(PipeReader body, IncrementalHash hmac, PushRefReader? pushRef, CancellationToken deadline, CancellationToken aborted)
    {
        long total = 0;
        try
        {
            while (true)
            {
                var read = await body.ReadAsync(deadline);
                foreach (var segment in read.Buffer)
                {
                    hmac.AppendData(segment.Span);
                    pushRef?.Append(segment.Span);
                }

                total += read.Buffer.Length;
                body.AdvanceTo(read.Buffer.End);
                if (total > MaxBodyBytes)
                {
                    return BodyRead.TooLarge;
                }

                if (read.IsCompleted)
                {
                    pushRef?.Complete();
                    return BodyRead.Complete;
                }
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // A chunked body that grew past the server's cap (Kestrel's MaxRequestBodySize).
            return BodyRead.TooLarge;
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status408RequestTimeout)
        {
            // Kestrel's own minimum data rate (240 bytes/s after a grace period) ran out first.
            return BodyRead.TooSlow;
        }
        catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
        {
            return BodyRead.TooSlow;
        }
    }

    private IResult Unauthorized(string delivery)
    {
        metrics.Webhook("unauthorized");

        if (_rejectedLines.TryLog(out var unlogged))
        {
            LogRejected(logger, delivery, unlogged);
        }

        return Results.Json(new { error = "invalid or missing X-Hub-Signature-256" }, statusCode: StatusCodes.Status401Unauthorized);
    }

    public void Dispose()
    {
        Gate.Dispose();
        _rejectedLines.Dispose();
    }

    private bool IsWatched(string? pushedRef) =>
        pushedRef is not null && (pushedRef == options.Branch || pushedRef == "refs/heads/" + options.Branch || pushedRef == "refs/tags/" + options.Branch);

    [LoggerMessage(EventId = 30, Level = LogLevel.Warning, Message = "webhook rejected: invalid or missing signature (delivery {Delivery}; {Unlogged} more rejected since the last such line)")]
    private static partial void LogRejected(ILogger logger, string delivery, int unlogged);

    private enum BodyRead
    {
        Complete,
        TooLarge,
        TooSlow,
    }

    [LoggerMessage(EventId = 31, Level = LogLevel.Information, Message = "webhook: push to {Ref} (delivery {Delivery}); polling now")]
    private static partial void LogAccepted(ILogger logger, string @ref, string delivery);
}
