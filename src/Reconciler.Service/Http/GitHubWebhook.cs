using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Reconciler.Service.Configuration;
using Reconciler.Service.Metrics;

namespace Reconciler.Service.Http;

/// <summary>
/// <c>POST /hooks/github</c>: a push to the watched branch triggers an immediate poll, so a merge is applied in
/// seconds instead of up to one interval later. The signature is checked before anything else is read; a bad
/// or missing one gets 401 and triggers nothing. <c>ping</c> answers 200; pushes to other branches are ignored.
/// </summary>
public sealed partial class GitHubWebhook(ServiceOptions options, ServiceSecrets secrets, TriggerQueue triggers, ServiceMetrics metrics, ILogger<GitHubWebhook> logger)
{
    /// <summary>GitHub caps payloads at 25 MB; a push of a big merge can be a few MB.</summary>
    public const int MaxBodyBytes = 25 * 1024 * 1024;

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (secrets.WebhookSecret is not { } secret)
        {
            metrics.Webhook("disabled");
            return Results.Json(new { error = $"webhooks are disabled: set {ServiceSettings.WebhookSecretVariable}" }, statusCode: StatusCodes.Status404NotFound);
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return Results.Json(new { error = "payload too large" }, statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        var body = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        var delivery = request.Headers["X-GitHub-Delivery"].ToString();
        if (!WebhookSignature.IsValid(body.Span, request.Headers[WebhookSignature.Header].FirstOrDefault(), secret))
        {
            metrics.Webhook("unauthorized");
            LogRejected(logger, delivery);
            return Results.Json(new { error = "invalid or missing X-Hub-Signature-256" }, statusCode: StatusCodes.Status401Unauthorized);
        }

        var gitHubEvent = request.Headers["X-GitHub-Event"].ToString();
        switch (gitHubEvent)
        {
            case "ping":
                metrics.Webhook("ping");
                return Results.Json(new { status = "pong" });
            case "push":
                var pushed = ReadRef(body);
                if (!IsWatched(pushed))
                {
                    metrics.Webhook("ignored");
                    return Results.Json(new { status = $"ignored: push to {pushed ?? "(no ref)"}, watching {options.Branch}" });
                }

                triggers.Request($"webhook push {delivery}");
                metrics.Webhook("accepted");
                LogAccepted(logger, pushed!, delivery);
                return Results.Json(new { status = "poll queued" }, statusCode: StatusCodes.Status202Accepted);
            case "pull_request" when options.GitHubRepo is not null:
                // Pull-request heads are planned after each poll: poll now rather than at the next interval.
                triggers.Request($"webhook pull_request {delivery}");
                metrics.Webhook("accepted");
                return Results.Json(new { status = "poll queued" }, statusCode: StatusCodes.Status202Accepted);
            default:
                metrics.Webhook("ignored");
                return Results.Json(new { status = $"ignored: event '{gitHubEvent}'" });
        }
    }

    private bool IsWatched(string? pushedRef) =>
        pushedRef is not null && (pushedRef == options.Branch || pushedRef == "refs/heads/" + options.Branch || pushedRef == "refs/tags/" + options.Branch);

    private static string? ReadRef(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("ref", out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(EventId = 30, Level = LogLevel.Warning, Message = "webhook rejected: invalid or missing signature (delivery {Delivery})")]
    private static partial void LogRejected(ILogger logger, string delivery);

    [LoggerMessage(EventId = 31, Level = LogLevel.Information, Message = "webhook: push to {Ref} (delivery {Delivery}); polling now")]
    private static partial void LogAccepted(ILogger logger, string @ref, string delivery);
}
