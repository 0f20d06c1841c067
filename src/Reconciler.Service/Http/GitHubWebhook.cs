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
/// gets 401. <c>ping</c> answers 200; pushes to other
/// branches are ignored. <see cref="WebhookGate"/> bounds how many deliveries are read and wait at once.
/// </summary>
public sealed partial class GitHubWebhook(ServiceOptions options, ServiceSecrets secrets, TriggerQueue triggers, ServiceMetrics metrics, ILogger<GitHubWebhook> logger) : IDisposable
{
    /// <summary>GitHub caps payloads at 25 MB; a push of a big merge can be a few MB.</summary>
    public const int MaxBodyBytes = 25 * 1024 * 1024;

    /// <summary>How many bodies are read at once, and how many wait (shared by every delivery).</summary>
    public WebhookGate Gate { get; } = new();

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

        var delivery = request.Headers["X-GitHub-Delivery"].ToString();

        // A missing or malformed signature can never match, but its body is still read (hashed and dropped, under
        // the gate like any other): answering before the body would reset a client that is still sending it.
        var signed = WebhookSignature.TryParse(request.Headers[WebhookSignature.Header].FirstOrDefault(), out var presented);
        using var turn = await Gate.EnterAsync(cancellationToken);
        if (turn is null)
        {
            metrics.Webhook("busy");
            request.HttpContext.Response.Headers.RetryAfter = "10";
            return Results.Json(new { error = "too many webhook deliveries at once; try again" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var gitHubEvent = request.Headers["X-GitHub-Event"].ToString();
        using var pushRef = new PushRefReader();
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secret);
        if (!await StreamAsync(request.BodyReader, hmac, gitHubEvent == "push" ? pushRef : null, cancellationToken))
        {
            metrics.Webhook("too_large");
            return Results.Json(new { error = "payload too large" }, statusCode: StatusCodes.Status413PayloadTooLarge);
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
    private static async Task<bool> StreamAsync(PipeReader body, IncrementalHash hmac, PushRefReader? pushRef, CancellationToken cancellationToken)
    {
        long total = 0;
        try
        {
            while (true)
            {
                var read = await body.ReadAsync(cancellationToken);
                foreach (var segment in read.Buffer)
                {
                    hmac.AppendData(segment.Span);
                    pushRef?.Append(segment.Span);
                }

                total += read.Buffer.Length;
                body.AdvanceTo(read.Buffer.End);
                if (total > MaxBodyBytes)
                {
                    return false;
                }

                if (read.IsCompleted)
                {
                    pushRef?.Complete();
                    return true;
                }
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // A chunked body that grew past the server's cap (Kestrel's MaxRequestBodySize).
            return false;
        }
    }

    private IResult Unauthorized(string delivery)
    {
        metrics.Webhook("unauthorized");
        LogRejected(logger, delivery);
        return Results.Json(new { error = "invalid or missing X-Hub-Signature-256" }, statusCode: StatusCodes.Status401Unauthorized);
    }

    public void Dispose() => Gate.Dispose();

    private bool IsWatched(string? pushedRef) =>
        pushedRef is not null && (pushedRef == options.Branch || pushedRef == "refs/heads/" + options.Branch || pushedRef == "refs/tags/" + options.Branch);

    [LoggerMessage(EventId = 30, Level = LogLevel.Warning, Message = "webhook rejected: invalid or missing signature (delivery {Delivery})")]
    private static partial void LogRejected(ILogger logger, string delivery);

    [LoggerMessage(EventId = 31, Level = LogLevel.Information, Message = "webhook: push to {Ref} (delivery {Delivery}); polling now")]
    private static partial void LogAccepted(ILogger logger, string @ref, string delivery);
}
