using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TaskApi.Simulator.Faults;

namespace TaskApi.Simulator.Api;

/// <summary>
/// Runs one platform request through the simulator's layers, in the order a real deployment has them:
/// latency and infrastructure faults (a proxy answering 5xx/429, hanging, dropping) first, then the
/// bearer token, then the endpoint's own processing, then after-processing faults. Every request is
/// logged once its answer is decided (before it is sent), including those the client gave up on.
/// </summary>
internal sealed partial class RequestRunner(SimulatorState state, IHostApplicationLifetime lifetime, ILogger<RequestRunner> logger)
{
    /// <summary>Marks "the connection was aborted, answer nothing".</summary>
    private static readonly ApiReply Dropped = new(0, "", "", null);

    public async Task RunAsync(
        HttpContext context, ApiOperation operation, string userId, string? taskId, Func<CancellationToken, Task<ApiReply>> process)
    {
        var time = state.Time;
        var started = time.GetTimestamp();
        var (sequence, receivedAt, fault) = state.BeginRequest(operation, userId, taskId);
        // Hanging faults end when the client gives up or the simulator stops, so shutdown never waits on them.
        using var abortedOrStopping = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var aborted = abortedOrStopping.Token;

        // A late store lands whether or not its client is still there: only the simulator stopping ends it.
        var processing = fault.Kind == FaultKind.StoreLate ? lifetime.ApplicationStopping : aborted;
        ApiReply? reply = null;
        string? client = null;
        var logged = false;
        try
        {
            if (fault.LatencyPhase == LatencyPhase.Before)
            {
                await DelayAsync(fault.Latency, aborted);
            }

            reply = await BeforeProcessingAsync(context, fault, aborted);
            if (ReferenceEquals(reply, Dropped))
            {
                reply = null;
                return;
            }

            if (reply is null)
            {
                var (authorized, label) = state.Authorize(userId, BearerToken(context.Request));
                client = label;
                var before = fault.Kind == FaultKind.IgnoreField && taskId is not null ? state.GetTask(userId, taskId)?.Body : null;
                reply = !authorized
                    ? ApiReplies.Unauthenticated()
                    : fault.Kind == FaultKind.TaskRunning
                        ? ApiReplies.Error(ApiCodes.TaskRunning, "2.0任务启动中,请先停止任务")
                        : await process(processing);
                if (fault.Kind == FaultKind.IgnoreField && reply.ApiCode == ApiCodes.Success && taskId is not null && fault.Field is { } field)
                {
                    state.KeepField(userId, taskId, field, before);
                }

                if (!await AfterProcessingAsync(context, fault, aborted))
                {
                    reply = null;
                    return;
                }
            }

            // Logged before the answer leaves: a client that has its answer must find its request in the log (a test that
            // counts PUTs right after a run otherwise races the simulator writing this entry). A trickled answer is logged
            // when it ends, so the log says whether the client stayed for it.
            if (fault.Kind != FaultKind.TrickleAnswer)
            {
                End(reply);
            }

            await WriteAsync(context.Response, reply, fault, aborted);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client gave up, or the simulator is stopping: answer nothing rather than an empty 200.
            reply = null;
            context.Abort();
        }
        finally
        {
            End(reply);
        }

        void End(ApiReply? answered)
        {
            if (logged)
            {
                return;
            }

            logged = true;
            var duration = time.GetElapsedTime(started);
            var path = context.Request.Path.Value ?? "";
            state.EndRequest(new RequestLogEntry(
                sequence, receivedAt, context.Request.Method, path, operation, userId, taskId, answered?.HttpStatus, answered?.ApiCode, fault.Kind, duration, client));
            LogRequest(logger, context.Request.Method, path, answered?.HttpStatus, answered?.ApiCode, fault.Kind?.ToString() ?? "none", (long)duration.TotalMilliseconds);
        }
    }

    /// <summary>The token after <c>Bearer </c>; only ever compared, never logged.</summary>
    private static string? BearerToken(HttpRequest request) =>
        AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var header)
        && string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase)
            ? header.Parameter
            : null;

    private async Task<ApiReply?> BeforeProcessingAsync(HttpContext context, FaultDecision fault, CancellationToken aborted)
    {
        switch (fault.Kind)
        {
            case FaultKind.InternalServerError:
                return ApiReplies.Html(500, "Internal Server Error");
            case FaultKind.BadGateway:
                return ApiReplies.Html(502, "Bad Gateway");
            case FaultKind.ServiceUnavailable:
                return ApiReplies.Html(503, "Service Temporarily Unavailable");
            case FaultKind.TooManyRequests:
                return ApiReplies.TooManyRequests(fault.RetryAfterSeconds);
            case FaultKind.Timeout:
                await DelayAsync(fault.Delay, aborted); // ends early when the client gives up
                return ApiReplies.Html(504, "Gateway Time-out");
            case FaultKind.DropConnection:
                context.Abort();
                return Dropped;
            case FaultKind.DelayBefore:
                await DelayAsync(fault.Delay, aborted);
                return null;
            case FaultKind.StoreLate:
                await KeepBodyAsync(context.Request, aborted);
                await DelayAsync(fault.Delay, lifetime.ApplicationStopping);
                return null;
            default:
                return null;
        }
    }

    /// <summary>False when the connection was dropped after processing.</summary>
    private async Task<bool> AfterProcessingAsync(HttpContext context, FaultDecision fault, CancellationToken aborted)
    {
        if (fault.Kind == FaultKind.DropAfterProcessing)
        {
            context.Abort();
            return false;
        }

        if (fault.Kind == FaultKind.DelayAfter)
        {
            await DelayAsync(fault.Delay, aborted);
        }

        if (fault.LatencyPhase == LatencyPhase.After)
        {
            await DelayAsync(fault.Latency, aborted);
        }

        return true;
    }

    private Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        delay > TimeSpan.Zero ? Task.Delay(delay, state.Time, cancellationToken) : Task.CompletedTask;

    /// <summary>Reads what the client sent into memory, so the request can be processed after the client has gone.</summary>
    private static async Task KeepBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var kept = new MemoryStream();
        request.HttpContext.Response.RegisterForDispose(kept);
        await request.Body.CopyToAsync(kept, cancellationToken);
        kept.Position = 0;
        request.Body = kept;
    }

    private async Task WriteAsync(HttpResponse response, ApiReply reply, FaultDecision fault, CancellationToken cancellationToken)
    {
        response.StatusCode = reply.HttpStatus;
        response.ContentType = reply.ContentType;
        if (reply.RetryAfterSeconds is { } seconds)
        {
            response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var bytes = Encoding.UTF8.GetBytes(reply.Body);
        response.ContentLength = bytes.Length;
        if (fault.Kind != FaultKind.TrickleAnswer)
        {
            await response.Body.WriteAsync(bytes, cancellationToken);
            return;
        }

        // The headers go at once, then the body drips: a client that waits for the whole answer waits bytes × delay.
        var interval = fault.Delay > TimeSpan.Zero ? fault.Delay : TimeSpan.FromSeconds(1);
        for (var i = 0; i < bytes.Length; i++)
        {
            await response.Body.WriteAsync(bytes.AsMemory(i, 1), cancellationToken);
            await response.Body.FlushAsync(cancellationToken);
            await DelayAsync(interval, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} -> HTTP {Status} code {Code} fault {Fault} ({DurationMs} ms)")]
    private static partial void LogRequest(ILogger logger, string method, string path, int? status, int? code, string fault, long durationMs);
}
