using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Reconciler.Core.Reconciling;
using Reconciler.Core.State;
using Reconciler.Service.Configuration;
using Reconciler.Service.Loop;
using Reconciler.Service.Replicas;
using Reconciler.Service.Status;

namespace Reconciler.Service.Http;

/// <summary>
/// <c>POST /sync</c>: "reconcile now" for people and scripts (<c>reconciler sync</c>), authenticated by a bearer
/// token that both sides read from <c>RECONCILER_SYNC_TOKEN</c>. Off (404) unless the token is set. It queues a
/// <see cref="RunTrigger.Sync"/>, merged with whatever is already waiting (never dropped), and the pass re-plans even
/// when the branch did not move; per-task retry times still hold, so a failing API is not hammered. The 202 answer
/// carries a ticket; the run that answers it carries the same ticket in <c>/status</c>. A follower replica
/// answers 409 (it never reconciles): the sync goes to the leader. <c>POST /sync?resume=true</c> (<c>reconciler sync --resume</c>)
/// first releases the revision the service holds back (a halted staged rollout, a rollback), so the pass continues it.
/// </summary>
public sealed partial class SyncEndpoint(ServiceSecrets secrets, TriggerQueue triggers, ServiceStatus status, IRevisionHolds holds, ServiceClock clock, ILogger<SyncEndpoint> logger, ILeadership? leadership = null) : IDisposable
{
    private readonly UnauthenticatedLines _refusedLines = new();

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (Refusal(request) is { } refused)
        {
            return refused;
        }

        string? resumed = null;
        if (request.Query["resume"].ToString() is "true" or "1")
        {
            // Released before the sync is queued, so the pass that answers it reads no hold.
            RevisionHold? released;
            try
            {
                released = await holds.ReleaseHoldAsync(clock.Time.GetUtcNow(), "resumed by reconciler sync --resume", cancellationToken);
            }
            catch (StateStoreException e)
            {
                return Results.Json(new { error = $"could not resume: {e.Message}" }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            resumed = released?.ToString() ?? "nothing was held back";
            status.HoldChanged(null);
            LogResumed(logger, resumed);
        }

        var ticket = triggers.Request(RunTrigger.Sync);
        LogQueued(logger, ticket);
        return Results.Json(new SyncAnswer("sync queued", ticket) { Resumed = resumed }, StatusJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    /// <summary>
    /// Why a request to this endpoint or another operator action authenticated like it (<c>POST /rollback</c>) is refused:
    /// no token configured (404), a missing or wrong bearer token (401), or a follower replica (409); null: go on.
    /// </summary>
    public IResult? Refusal(HttpRequest request)
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

        if (leadership is { IsLeader: false })
        {
            var leader = status.Current.Replica?.Leader;
            return Results.Json(new { error = $"this replica follows and never reconciles; send the sync to the leader ({(leader is null ? "none elected yet" : $"{leader.Replica} on {leader.Host}")})" }, statusCode: StatusCodes.Status409Conflict);
        }

        return null;
    }

    // Hashing first makes the comparison constant-time whatever the lengths.
    private static bool Same(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    public void Dispose() => _refusedLines.Dispose();

    [LoggerMessage(EventId = 32, Level = LogLevel.Warning, Message = "sync refused: missing or wrong bearer token ({Unlogged} more refused since the last such line)")]
    private static partial void LogRefused(ILogger logger, int unlogged);

    [LoggerMessage(EventId = 34, Level = LogLevel.Warning, Message = "sync --resume: released {Hold}")]
    private static partial void LogResumed(ILogger logger, string hold);

    [LoggerMessage(EventId = 33, Level = LogLevel.Information, Message = "sync requested (ticket {Ticket}): reconciling now")]
    private static partial void LogQueued(ILogger logger, long ticket);
}
