using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Reconciler.Service.Configuration;

namespace Reconciler.Service.Http;

/// <summary>
/// <c>POST /sync</c>: "reconcile now" for people and scripts (<c>reconciler sync</c>), authenticated by a bearer
/// token that both sides read from <c>RECONCILER_SYNC_TOKEN</c>. Off (404) unless the token is set. It queues
/// the same immediate poll a webhook does (a burst becomes one poll), and the run re-plans even when the branch
/// did not move; per-task retry times still hold, so a failing API is not hammered.
/// </summary>
public sealed partial class SyncEndpoint(ServiceSecrets secrets, TriggerQueue triggers, ILogger<SyncEndpoint> logger) : IDisposable
{
    private readonly UnauthenticatedLines _refusedLines = new();

    /// <summary>The reason a sync request puts in the trigger queue; the loop names such runs <c>sync</c>.</summary>
    public const string Reason = "sync";

    public IResult Handle(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (secrets.SyncToken is not { } token)
        {
            return Results.Json(new { error = $"sync is disabled: set {ServiceSettings.SyncTokenVariable} for the service (and for reconciler sync)" }, statusCode: StatusCodes.Status404NotFound);
        }

        var header = request.Headers.Authorization.ToString();
        var presented = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : "";
        if (!Same(presented, token))
        {
            if (_refusedLines.TryLog(out var unlogged))
            {
                LogRefused(logger, unlogged);
            }

            request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Json(new { error = $"missing or wrong bearer token (the service's {ServiceSettings.SyncTokenVariable})" }, statusCode: StatusCodes.Status401Unauthorized);
        }

        triggers.Request(Reason);
        LogQueued(logger);
        return Results.Json(new { status = "sync queued" }, statusCode: StatusCodes.Status202Accepted);
    }

    // Hashing first makes the comparison constant-time whatever the lengths.
    private static bool Same(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    public void Dispose() => _refusedLines.Dispose();

    [LoggerMessage(EventId = 32, Level = LogLevel.Warning, Message = "sync refused: missing or wrong bearer token ({Unlogged} more refused since the last such line)")]
    private static partial void LogRefused(ILogger logger, int unlogged);

    [LoggerMessage(EventId = 33, Level = LogLevel.Information, Message = "sync requested: reconciling now")]
    private static partial void LogQueued(ILogger logger);
}
