using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;
using Reconciler.Core.Applying;
using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;
using Reconciler.Core.State;
using Reconciler.TaskApi.Auth;
using Reconciler.TaskApi.Http;

namespace Reconciler.TaskApi;

/// <summary>
/// The platform's task API over a typed <see cref="HttpClient"/> (register with
/// <see cref="TaskApiServiceCollectionExtensions.AddTaskApiClient"/>). Every call ends in a result; only the
/// caller's cancellation escapes. Tokens are sent in the Authorization header and appear nowhere else.
/// </summary>
public sealed partial class TaskApiClient : ITaskApi
{
    private readonly HttpClient _http;
    private readonly ITokenSource _tokens;
    private readonly TaskApiOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<TaskApiClient> _logger;
    private readonly PlatformFailures _failures;

    public TaskApiClient(HttpClient httpClient, ITokenSource tokens, IOptions<TaskApiOptions> options, TimeProvider timeProvider, ILogger<TaskApiClient> logger)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        _http = httpClient;
        _tokens = tokens ?? throw new ArgumentNullException(nameof(tokens));
        _options = options.Value;
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        if (TaskApiBaseAddress.Problem(httpClient.BaseAddress) is { } problem)
        {
            throw new ArgumentException(problem, nameof(httpClient));
        }

        _failures = new PlatformFailures(httpClient.BaseAddress!);
    }

    /// <summary><see cref="TaskApiOptions.UpdateDeadline"/>: the deadline the engine records with each update's intent.</summary>
    public TimeSpan UpdateDeadline => _options.UpdateDeadline;

    /// <summary>
    /// The update, within <paramref name="within"/>: no attempt starts later than one attempt timeout before its end, so
    /// by our assumption (the platform stores a request within one attempt timeout of receiving it, or never) nothing of
    /// this call can land on the platform after it. The call is abandoned at its end.
    /// </summary>
    public Task<TaskApiResult> UpdateTaskAsync(TaskIdentity identity, ReadOnlyMemory<byte> utf8Body, TimeSpan within, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var limits = new CallLimits(within, _time.GetUtcNow() + within - _options.AttemptTimeout);
        return CallAsync(HttpMethod.Put, TaskApiPaths.Update(identity), identity, utf8Body, ApplyOutcome.Applied, limits, cancellationToken);
    }

    public Task<TaskApiResult> StopTaskAsync(TaskIdentity identity, string? subUserId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identity);
        // Where the platform reads sub_user_id for a stop is not documented: send it in the query and the body.
        var body = subUserId is null ? "{}"u8.ToArray() : JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["sub_user_id"] = subUserId });
        return CallAsync(HttpMethod.Put, TaskApiPaths.Stop(identity, subUserId), identity, body, ApplyOutcome.Stopped, new CallLimits(_options.TotalTimeout + _options.AttemptTimeout, null), cancellationToken);
    }

    public async Task<RemoteTaskState?> GetTaskStateAsync(TaskIdentity identity, string? subUserId, CancellationToken cancellationToken) =>
        (await ReadTaskAsync(identity, subUserId, cancellationToken)).State;

    public async Task<RemoteTaskRead> ReadTaskAsync(TaskIdentity identity, string? subUserId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identity);
        if (TaskApiPaths.Unaddressable(identity) is { } unaddressable)
        {
            return RemoteTaskRead.Failed(unaddressable);
        }

        var lookup = _tokens.GetToken(identity.UserId);
        if (lookup.Token is null)
        {
            LogPlatformFailure(_logger, identity.ToString(), lookup.Problem ?? "no token");
            return RemoteTaskRead.Failed(lookup.Problem ?? "no token for this account") with { Platform = PlatformFailures.NoToken(identity.UserId, lookup.Problem) };
        }

        var exchange = await ExchangeAsync(HttpMethod.Get, TaskApiPaths.Detail(identity, subUserId), lookup.Token, null, ReadLimits, cancellationToken);
        var answer = exchange.HttpStatus is >= 200 and < 300 ? ApiAnswer.TryParse(exchange.Text) : null;
        var state = answer?.Code == TaskApiResult.SuccessCode ? TaskStateReader.Read(answer.Data) : null;
        if (state is null)
        {
            var why = lookup.Token.Redactor.Redact(exchange.Failure ?? (answer?.Code == TaskApiResult.SuccessCode
                ? "the answer's data is not a task detail (no status, no new_task_extra)"
                : $"HTTP {exchange.HttpStatus}, code {answer?.Code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}")) ?? "unreadable";
            var platform = _failures.Of(exchange, ApiCode(exchange), identity.UserId, lookup.Source);
            if (platform is null)
            {
                LogStateUnknown(_logger, identity.ToString(), why);
            }
            else
            {
                // The platform's failure, not this task's: the run reports it once (a line per task would bury it).
                LogPlatformFailure(_logger, identity.ToString(), why);
            }

            return RemoteTaskRead.Failed(why) with { Platform = platform, TimedOut = exchange.TimedOut };
        }

        // The answer was parsed once already: the detail is a node over that element (filled in as it is read), not a second parse of its text.
        return new RemoteTaskRead(state, System.Text.Json.Nodes.JsonObject.Create(answer!.Data), null) { DetailElement = answer.Data };
    }

    private async Task<TaskApiResult> CallAsync(
        HttpMethod method, string path, TaskIdentity identity, ReadOnlyMemory<byte> body, ApplyOutcome success, CallLimits limits, CancellationToken cancellationToken)
    {
        if (TaskApiPaths.Unaddressable(identity) is { } unaddressable)
        {
            return new TaskApiResult(ApplyOutcome.Rejected, null, unaddressable, null);
        }

        var lookup = _tokens.GetToken(identity.UserId);
        if (lookup.Token is null)
        {
            return new TaskApiResult(ApplyOutcome.Unauthorized, null, lookup.Problem, null)
            {
                Delivery = RequestDelivery.NotSent,
                Platform = PlatformFailures.NoToken(identity.UserId, lookup.Problem),
            };
        }

        var started = _time.GetTimestamp();
        var exchange = await ExchangeAsync(method, path, lookup.Token, body, limits, cancellationToken);
        var result = ResultMapper.Map(exchange, success, identity.UserId, lookup.Source, lookup.Token.Redactor) with
        {
            Platform = _failures.Of(exchange, ApiCode(exchange), identity.UserId, lookup.Source),
            MayLandLater = exchange.EarlierUnanswered,
        };
        var elapsedMs = (long)_time.GetElapsedTime(started).TotalMilliseconds;
        LogResult(_logger, method.Method, identity, result.Outcome, result.ApiCode, exchange.Attempts, elapsedMs);
        return result;
    }

    /// <summary>A detail or list read: bounded as a whole (retries and the answer's body included) by <see cref="TaskApiOptions.ReadTimeout"/>.</summary>
    private CallLimits ReadLimits => new(_options.ReadTimeout, null);

    private async Task<ApiExchange> ExchangeAsync(HttpMethod method, string path, ApiToken token, ReadOnlyMemory<byte>? body, CallLimits limits, CancellationToken cancellationToken)
    {
        var secret = token.Reveal();
        var attempts = new AttemptCounter { StartBy = limits.StartBy, Time = _time };
        using var request = new HttpRequestMessage(method, path);
        // Without validation: a parse failure would quote the header value, i.e. the token.
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + secret);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is { } utf8)
        {
            // The bytes as they are: the canonical body is already UTF-8 (no BOM), so nothing is decoded or re-encoded.
            request.Content = new ReadOnlyMemoryContent(utf8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        request.Options.Set(AttemptCounter.Key, attempts);

        // The pipeline bounds each attempt; this bounds the whole call, the answer's body included (one that trickles in).
        using var guard = new CancellationTokenSource(limits.Total > TimeSpan.Zero ? limits.Total : TimeSpan.FromMilliseconds(1), _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, guard.Token);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            await response.Content.LoadIntoBufferAsync(_options.MaxResponseBytes, linked.Token);
            var text = await response.Content.ReadAsStringAsync(linked.Token);
            return new ApiExchange((int)response.StatusCode, response.ReasonPhrase, text, attempts.Count, null, TransientFailures.RetryAfter(response, _time))
            {
                EarlierUnanswered = attempts.Unanswered > 0,
            };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (TimeoutRejectedException e)
        {
            return Failure(attempts, $"no answer within {e.Timeout.TotalSeconds:0.###} s", timedOut: true);
        }
        catch (OperationCanceledException)
        {
            return Failure(attempts, $"no complete answer within {limits.Total.TotalSeconds:0.###} s", timedOut: true);
        }
        catch (DeadlinePassedException)
        {
            return Failure(attempts, $"its deadline left no time for {(attempts.Count == 0 ? "an" : "another")} attempt");
        }
        catch (HttpRequestException e)
        {
            return Failure(attempts, token.Redactor.Redact(TransportFailures.Describe(e))) with { Unreachable = !attempts.MayHaveReached };
        }
    }

    private static ApiExchange Failure(AttemptCounter attempts, string failure, bool timedOut = false) => new(null, null, null, attempts.Count, failure)
    {
        Delivery = attempts.MayHaveReached ? RequestDelivery.Unknown : RequestDelivery.NotSent,
        TimedOut = timedOut,
    };

    /// <summary>The <c>code</c> of an answer, whatever its HTTP status (the platform may put 401/403 there).</summary>
    private static int? ApiCode(ApiExchange exchange) => ApiAnswer.TryParse(exchange.Text)?.Code;

    /// <summary>How long a call may take in all, and the latest instant an attempt may start (null: no deadline of its own).</summary>
    private readonly record struct CallLimits(TimeSpan Total, DateTimeOffset? StartBy);

    [LoggerMessage(Level = LogLevel.Debug, Message = "task API {Method} {Task}: {Outcome} (code {Code}) after {Attempts} attempt(s) in {DurationMs} ms")]
    private static partial void LogResult(ILogger logger, string method, TaskIdentity task, ApplyOutcome outcome, int? code, int attempts, long durationMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "task API: run state of {Task} unknown ({Reason})")]
    private static partial void LogStateUnknown(ILogger logger, string task, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "task API: {Task} not read ({Reason})")]
    private static partial void LogPlatformFailure(ILogger logger, string task, string reason);
}
