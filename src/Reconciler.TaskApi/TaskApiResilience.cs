using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Reconciler.TaskApi.Http;

namespace Reconciler.TaskApi;

/// <summary>
/// The resilience pipeline around every request: a total timeout, then retries with exponential backoff and
/// jitter (honouring Retry-After), then the process's request pacing (rate limit and 429 pause), then a per-attempt
/// timeout. Pacing sits inside the retries, so every attempt counts against the rate, and outside the attempt timeout,
/// so waiting for a turn does not eat an attempt's time.
/// </summary>
/// <remarks>
/// Retrying PUT is safe here only because our PUT is a full, idempotent replace of the task's settings:
/// sending the same body twice leaves the task as sending it once. task_stop is idempotent too.
/// </remarks>
internal static partial class TaskApiResilience
{
    public const string PipelineName = "task-api";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        var services = context.ServiceProvider;
        var options = services.GetRequiredService<IOptions<TaskApiOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TaskApiClient).FullName!);
        var time = services.GetRequiredService<TimeProvider>();
        pipeline.TimeProvider = time;

        pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Name = "total-timeout", Timeout = options.TotalTimeout });
        if (options.MaxRetryAttempts > 0)
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                Name = "retry",
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = options.UseJitter,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldRetryAfterHeader = true, // a 429/503 with Retry-After waits as long as the server asks
                ShouldHandle = args => ValueTask.FromResult(
                    TransientFailures.ShouldRetry(args.Outcome, options.MaxRetryAfter, time, args.Context.CancellationToken)),
                OnRetry = args =>
                {
                    var request = args.Context.GetRequestMessage();
                    LogRetry(logger, request?.Method.Method ?? "?", request?.RequestUri?.AbsolutePath ?? "?",
                        args.AttemptNumber + 1, TransientFailures.Describe(args.Outcome), (long)args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            });
        }

        var pacer = services.GetRequiredService<RequestPacer>();
        pipeline.AddRateLimiter(new HttpRateLimiterStrategyOptions
        {
            Name = "pacing",
            RateLimiter = args => pacer.WaitTurnAsync(args.Context.CancellationToken),
        });
        pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Name = "attempt-timeout", Timeout = options.AttemptTimeout });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "task API {Method} {Path}: attempt {Attempt} failed ({Reason}); retrying in {DelayMs} ms")]
    private static partial void LogRetry(ILogger logger, string method, string path, int attempt, string reason, long delayMs);
}
