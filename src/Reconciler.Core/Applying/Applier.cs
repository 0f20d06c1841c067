using System.Diagnostics;
using Reconciler.Core.Planning;
using Reconciler.Core.State;

namespace Reconciler.Core.Applying;

/// <summary>
/// Carries out a plan: one PUT per changed task with bounded concurrency, the state written at once
/// after each success (in its own transaction), every attempt appended to the history. A failure of
/// one task never stops the others; nothing but a confirmed success is recorded as applied.
/// </summary>
public sealed class Applier(ITaskApi api, IStateStore store, TimeProvider? timeProvider = null)
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <param name="stopStarting">When cancelled, no new request is started; requests in flight get the grace period to finish and are recorded.</param>
    public async Task<ApplyReport> ApplyAsync(Plan plan, ApplyOptions options, IProgress<TaskApplyResult>? progress, CancellationToken stopStarting)
    {
        using var abortInFlight = new CancellationTokenSource();
        await using var registration = stopStarting.Register(() => abortInFlight.CancelAfter(options.EffectiveGracePeriod));

        var unmanaged = 0;
        foreach (var entry in plan.Entries.Where(e => e.Action == PlanAction.Unmanage && !stopStarting.IsCancellationRequested))
        {
            await store.ForgetAsync(entry.Identity!, CancellationToken.None);
            unmanaged++;
        }

        var results = new System.Collections.Concurrent.ConcurrentBag<TaskApplyResult>();
        var toPut = plan.Entries.Where(e => e.Action.SendsPut()).ToList();
        var gate = new SemaphoreSlim(Math.Max(1, options.Parallelism));
        var work = toPut.Select(async entry =>
        {
            await gate.WaitAsync(CancellationToken.None);
            try
            {
                var result = stopStarting.IsCancellationRequested
                    ? new TaskApplyResult(entry, ApplyOutcome.Cancelled, null, "not started: apply was cancelled", TimeSpan.Zero)
                    : await ApplyOneAsync(entry, plan.Revision, abortInFlight.Token);
                results.Add(result);
                progress?.Report(result);
            }
            finally
            {
                gate.Release();
            }
        });
        await Task.WhenAll(work);

        var ordered = results.OrderBy(r => toPut.IndexOf(r.Entry)).ToList();
        return new ApplyReport(ordered, unmanaged);
    }

    private async Task<TaskApplyResult> ApplyOneAsync(PlanEntry entry, string? revision, CancellationToken cancellationToken)
    {
        var desired = entry.Desired!;
        var started = Stopwatch.GetTimestamp();
        if (entry.IsBlockedByRunningTask)
        {
            // Known before sending: the platform would answer 6007. Don't spend a request; retry on a later run.
            var blocked = new TaskApplyResult(entry, ApplyOutcome.Blocked, TaskApiResult.TaskRunningCode, "task is running (checked before applying); stop it or set metadata.stop_before_update: true", TimeSpan.Zero);
            await RecordAttemptAsync(blocked, revision);
            return blocked;
        }

        var stopped = false;
        if (entry.WillStopTask)
        {
            var stop = await StopAsync(entry, revision, started, cancellationToken);
            if (stop is not null)
            {
                return stop;
            }

            stopped = true;
        }

        var answer = await PutAsync(entry, cancellationToken);
        if (answer.Outcome == ApplyOutcome.Blocked && desired.StopBeforeUpdate && !stopped)
        {
            // The task started running after we looked (or we did not look): stop it as the manifest allows, then try once more.
            var stop = await StopAsync(entry, revision, started, cancellationToken);
            if (stop is not null)
            {
                return stop;
            }

            stopped = true;
            answer = await PutAsync(entry, cancellationToken);
        }

        var result = new TaskApplyResult(entry, answer.Outcome, answer.ApiCode, answer.Message, Stopwatch.GetElapsedTime(started), stopped);
        if (answer.Outcome == ApplyOutcome.Applied)
        {
            // The state write must not be abandoned halfway: it is short and not cancellable.
            await store.RecordAppliedAsync(new AppliedRecord(desired.Identity, desired.Body, desired.File, revision, _time.GetUtcNow()), CancellationToken.None);
        }

        await RecordAttemptAsync(result, revision);
        return result;
    }

    private async Task<TaskApiResult> PutAsync(PlanEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            return await api.UpdateTaskAsync(entry.Identity!, entry.Desired!.Body.Json, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return new TaskApiResult(ApplyOutcome.Failed, null, "request abandoned: the grace period after cancellation ran out; the next run re-sends it", null);
        }
    }

    /// <summary>Stops the task; returns a final result when stopping failed (the update is then not attempted).</summary>
    private async Task<TaskApplyResult?> StopAsync(PlanEntry entry, string? revision, long started, CancellationToken cancellationToken)
    {
        TaskApiResult stop;
        try
        {
            stop = await api.StopTaskAsync(entry.Identity!, entry.Desired!.SubUserId, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            stop = new TaskApiResult(ApplyOutcome.Failed, null, "stop request abandoned after cancellation", null);
        }

        // The client reports a successful task_stop as Stopped (code 200); Applied is accepted too, as a success.
        var succeeded = stop.Outcome is ApplyOutcome.Stopped or ApplyOutcome.Applied;
        var stopOutcome = succeeded ? ApplyOutcome.Stopped : stop.Outcome;
        var stopResult = new TaskApplyResult(entry, stopOutcome, stop.ApiCode, succeeded ? "task stopped before its update (left stopped)" : $"could not stop the task: {stop.Message}", Stopwatch.GetElapsedTime(started));
        await RecordAttemptAsync(stopResult, revision);
        return succeeded ? null : stopResult;
    }

    private Task RecordAttemptAsync(TaskApplyResult result, string? revision) =>
        store.AppendAttemptAsync(
            new ApplyAttempt(_time.GetUtcNow(), revision, result.Entry.Identity!, result.Outcome, result.ApiCode, result.Message, result.Duration, result.Entry.Desired?.Body.Hash),
            CancellationToken.None);
}
