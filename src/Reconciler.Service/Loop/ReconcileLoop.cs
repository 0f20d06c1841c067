using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Reconciler.Service.Configuration;
using Reconciler.Service.GitHub;
using Reconciler.Core.Policies;
using Reconciler.Service.Status;

namespace Reconciler.Service;

/// <summary>
/// Scheduling only: decides when to fetch and when to re-plan, and hands the work to <see cref="ReconcileRunner"/>.
/// Wakes at the earliest of: the next poll (interval plus seeded jitter; doubled per failed fetch up to
/// RetryMax), the resync timer, the first per-task retry, the sync window opening with changes pending, or a
/// webhook. Every instant comes from the injected <see cref="TimeProvider"/>, as absolute due times, so a test
/// that advances a fake clock gets the run it expects whether or not the loop was already waiting.
/// </summary>
public sealed partial class ReconcileLoop(
    ReconcileRunner runner,
    TriggerQueue triggers,
    ServiceOptions options,
    TaskBackoff backoff,
    ServiceStatus status,
    TimeProvider time,
    Random random,
    ILogger<ReconcileLoop> logger,
    IHostApplicationLifetime lifetime,
    PullRequestWatcher? pullRequests = null,
    Replicas.ILeadership? leadership = null) : BackgroundService
{
    private int _fetchFailures;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Nothing is applied before the whole host is up: if the operations port cannot be bound, the service stops untouched.
        await WhenStartedAsync(stoppingToken);
        if (stoppingToken.IsCancellationRequested)
        {
            return;
        }

        await runner.InitializeAsync(stoppingToken);
        var now = time.GetUtcNow();
        var nextPoll = now;
        var nextResync = now + options.Resync;
        var notBefore = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            now = time.GetUtcNow();

            // A follower (shared state, another replica leads) wakes only to poll: it never retries or resyncs.
            var wake = leadership?.IsLeader == false ? nextPoll : Earliest(nextPoll, nextResync, RetryAt(now), runner.PendingForWindow ? options.SyncWindows?.NextOpening(now) : null);
            wake = wake > notBefore ? wake : notBefore;
            var webhook = await WaitAsync(wake, stoppingToken);
            if (stoppingToken.IsCancellationRequested)
            {
                break;
            }

            now = time.GetUtcNow();
            try
            {
                var reconciled = false;
                var takeover = false;
                if (leadership is not null)
                {
                    if (!leadership.IsLeader)
                    {
                        if (webhook is not null || now >= nextPoll)
                        {
                            await leadership.FollowAsync(stoppingToken);
                            nextPoll = time.GetUtcNow() + PollDelay();
                        }

                        status.PassCompleted();
                        continue;
                    }

                    if (await leadership.BeginTermAsync(stoppingToken))
                    {
                        // A new term: the shared history may hold another replica's attempts; read it, then reconcile at once.
                        await runner.InitializeAsync(stoppingToken);
                        takeover = true;
                    }
                }

                if (webhook is not null || now >= nextPoll || takeover)
                {
                    var trigger = takeover ? Replicas.ILeadership.TakeoverReason : webhook is null ? "poll" : webhook == Http.SyncEndpoint.Reason ? "sync" : "webhook";
                    var fetched = await runner.FetchAsync(trigger, stoppingToken);
                    _fetchFailures = fetched == FetchOutcome.Failed ? _fetchFailures + 1 : 0;
                    nextPoll = time.GetUtcNow() + PollDelay();

                    // A takeover or a sync asked for a reconcile, not only a fetch: re-plan even when the branch did not move.
                    if (fetched == FetchOutcome.Moved || ((takeover || trigger == "sync") && fetched == FetchOutcome.Unchanged))
                    {
                        reconciled = await runner.ReconcileAsync(trigger, stoppingToken);
                    }

                    if (fetched != FetchOutcome.Failed && pullRequests is not null)
                    {
                        await pullRequests.CheckAsync(stoppingToken);
                    }
                }

                now = time.GetUtcNow();
                var due = now >= nextResync ? "resync"
                    : RetryAt(now) <= now ? "retry"
                    : runner.PendingForWindow && options.SyncWindows!.IsOpen(now) ? "window"
                    : null;
                if (!reconciled && due is not null)
                {
                    reconciled = await runner.ReconcileAsync(due, stoppingToken);
                }

                if (reconciled || now >= nextResync)
                {
                    nextResync = time.GetUtcNow() + options.Resync;
                }

                if (reconciled && runner.ConsecutiveFailedRuns > 0)
                {
                    // A run that failed (the state store is unusable) would fail the same way at once: back off, doubling up to RetryMax.
                    notBefore = time.GetUtcNow() + FailureDelay(runner.ConsecutiveFailedRuns);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One broken pass (state store busy, a bug) must not end the service: report it and try again next time.
                LogPassFailed(logger, e);
                nextPoll = time.GetUtcNow() + PollDelay();
                nextResync = time.GetUtcNow() + options.Resync;

                // A retry already due would wake the loop at once and fail the same way: pause one interval (webhooks still wake it).
                notBefore = time.GetUtcNow() + options.Interval;
            }

            status.PassCompleted();
        }

        LogStopped(logger);
    }

    /// <summary>The interval plus up to <c>Jitter × interval</c>, doubled for each failed fetch in a row (capped at RetryMax).</summary>
    private TimeSpan PollDelay() =>
        (_fetchFailures > 0 ? FailureBackoff(options.Interval, options.RetryMax, _fetchFailures + 1) : options.Interval)
        + (options.Interval * (random.NextDouble() * options.Jitter));

    private TimeSpan FailureDelay(int failures) => FailureBackoff(options.Interval, options.RetryMax, failures);

    /// <summary>
    /// After <paramref name="failures"/> failures in a row (fetches or runs): the interval doubled per further
    /// failure, capped at <paramref name="max"/>, never less than one interval. 1 → interval, 2 → 2×, 3 → 4×…
    /// </summary>
    public static TimeSpan FailureBackoff(TimeSpan interval, TimeSpan max, int failures)
    {
        var delay = interval * Math.Pow(2, Math.Clamp(failures - 1, 0, 20));
        return delay < max ? delay : (max > interval ? max : interval);
    }

    /// <summary>Waits until <paramref name="wake"/> or a webhook; returns the webhook's reason, or null when the time came.</summary>
    private async Task<string?> WaitAsync(DateTimeOffset wake, CancellationToken stoppingToken)
    {
        if (triggers.TryTake(out var pending))
        {
            return pending;
        }

        using var wakeUp = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        Task timer;
        while (true)
        {
            var now = time.GetUtcNow();
            if (now >= wake)
            {
                return null;
            }

            // A timer counts from the clock's value when it is created: if the clock moved since "now" was read
            // (a fake clock advanced by a test), the timer would be late by that much; measure again.
            var candidate = Task.Delay(wake - now, time, wakeUp.Token);
            if (time.GetUtcNow() - now < TimeSpan.FromMilliseconds(50))
            {
                timer = candidate;
                break;
            }
        }

        var webhook = triggers.WaitAsync(wakeUp.Token);
        await Task.WhenAny(timer, webhook);
        await wakeUp.CancelAsync();
        return triggers.TryTake(out var reason) ? reason : null;
    }

    private async Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await using var onStopping = stoppingToken.Register(() => started.TrySetResult());
        await started.Task;
    }

    /// <summary>The first per-task retry, when one could run now: something fetched and the window open (else it would wake for nothing).</summary>
    private DateTimeOffset? RetryAt(DateTimeOffset now) =>
        runner.LastSnapshot is null || options.SyncWindows?.IsOpen(now) == false ? null : backoff.NextRetryAt();

    private static DateTimeOffset Earliest(params DateTimeOffset?[] instants) => instants.Where(i => i is not null).Min() ?? DateTimeOffset.MaxValue;

    [LoggerMessage(EventId = 20, Level = LogLevel.Error, Message = "reconcile pass failed; retrying at the next poll")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 21, Level = LogLevel.Information, Message = "reconcile loop stopped")]
    private static partial void LogStopped(ILogger logger);
}
