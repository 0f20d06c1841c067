using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Reconciler.Core.Reconciling;
using Reconciler.Service.GitHub;
using Reconciler.Service.Replicas;
using Reconciler.Service.Status;

namespace Reconciler.Service.Loop;

/// <summary>
/// The loop's driver, and nothing more: asks the <see cref="LoopSchedule"/> when to wake, waits for that instant or
/// a request (<see cref="TriggerQueue"/>), runs the pass the schedule orders (<see cref="RunPassAsync"/>), and gives
/// the schedule what the pass did. Every instant comes from the injected <see cref="TimeProvider"/>, as absolute due
/// times, so a test that advances a fake clock gets the run it expects whether or not the loop was already waiting.
/// </summary>
public sealed partial class ReconcileLoop(
    ReconcileRunner runner,
    TriggerQueue triggers,
    ScheduleSettings settings,
    ServiceStatus status,
    TimeProvider time,
    Random random,
    ILogger<ReconcileLoop> logger,
    IHostApplicationLifetime lifetime,
    PullRequestWatcher? pullRequests = null,
    ILeadership? leadership = null) : BackgroundService
{
    private readonly PassMemory _memory = new();

    private bool Leading => leadership?.IsLeader != false;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Nothing is applied before the whole host is up: if the operations port cannot be bound, the service stops untouched.
        await WhenStartedAsync(stoppingToken);
        if (stoppingToken.IsCancellationRequested)
        {
            return;
        }

        await runner.InitializeAsync(stoppingToken);
        var schedule = LoopSchedule.Start(settings, time.GetUtcNow());
        while (!stoppingToken.IsCancellationRequested)
        {
            await WaitAsync(schedule.Next(runner.Ledger, Leading, runner.LastSnapshot is not null, time.GetUtcNow()).At, stoppingToken);
            if (stoppingToken.IsCancellationRequested)
            {
                break;
            }

            var startedAt = time.GetUtcNow();
            var (requested, ticket) = triggers.Take();
            var pass = schedule.Due(requested, ticket, runner.Ledger, Leading, runner.LastSnapshot is not null, startedAt);
            PassResult result;
            try
            {
                result = await RunPassAsync(pass, startedAt, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One broken pass (state store busy, a bug) must not end the service: report it and try again later.
                LogPassFailed(logger, e);
                result = new PassResult(startedAt, Crashed: true);
            }

            schedule = schedule.After(result, time.GetUtcNow(), random.NextDouble());
            _memory.AfterPass(result.Reconciled);
            status.PassCompleted();
        }

        LogStopped(logger);
    }

    /// <summary>
    /// One pass, in a fixed order: a follower only reads the shared state; a leader that begins a term re-reads the
    /// shared history (a takeover), fetches when asked to, re-plans when its triggers call for it, then plans open
    /// pull requests.
    /// </summary>
    private async Task<PassResult> RunPassAsync(PassOrder pass, DateTimeOffset startedAt, CancellationToken stoppingToken)
    {
        if (!Leading)
        {
            if (!pass.Triggers.Fetches)
            {
                return new PassResult(startedAt);
            }

            await leadership!.FollowAsync(stoppingToken);
            return new PassResult(startedAt, Followed: true);
        }

        var asked = pass.Triggers.Without(RunTrigger.Takeover);
        if (leadership is not null && await leadership.BeginTermAsync(stoppingToken))
        {
            // A new term: the shared history may hold another replica's attempts; read it, then reconcile at once.
            await runner.InitializeAsync(stoppingToken);
            asked = asked.With(RunTrigger.Takeover);
        }

        FetchOutcome? fetched = null;
        DateTimeOffset? fetchedAt = null;
        var ticket = pass.SyncTicket;
        if (asked.Fetches)
        {
            fetched = await runner.FetchAsync(asked.FetchTrigger, ticket, stoppingToken);
            fetchedAt = time.GetUtcNow();

            // A failed fetch is recorded as a run of its own: that run answers the sync.
            ticket = fetched == FetchOutcome.Failed ? 0 : ticket;
        }

        // A refresh slice gives the pass back when a push or a sync arrives meanwhile: they run next, the rest of the slice later.
        var reconciled = asked.Reconciles(fetched) is { } trigger && await runner.ReconcileAsync(trigger, pass.Refresh, ticket, stoppingToken, pass.Refresh ? triggers.FetchRequested() : default);
        if (fetched is FetchOutcome.Moved or FetchOutcome.Unchanged && pullRequests is not null)
        {
            await pullRequests.CheckAsync(stoppingToken);
        }

        return new PassResult(startedAt, fetched, fetchedAt, Reconciled: reconciled, FailedRuns: runner.ConsecutiveFailedRuns, Refreshed: reconciled && pass.Refresh, RefreshTick: runner.RefreshTick);
    }

    /// <summary>Waits until <paramref name="wake"/> or a request.</summary>
    private async Task WaitAsync(DateTimeOffset wake, CancellationToken stoppingToken)
    {
        using var wakeUp = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        Task timer;
        while (true)
        {
            var now = time.GetUtcNow();
            if (now >= wake)
            {
                return;
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

        await Task.WhenAny(timer, triggers.WaitAsync(wakeUp.Token));
        await wakeUp.CancelAsync();
    }

    private async Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await using var onStopping = stoppingToken.Register(() => started.TrySetResult());
        await started.Task;
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Error, Message = "reconcile pass failed; retrying at the next poll")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 21, Level = LogLevel.Information, Message = "reconcile loop stopped")]
    private static partial void LogStopped(ILogger logger);
}
