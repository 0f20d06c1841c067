using System.Collections.Concurrent;
using Reconciler.Core.Planning;
using Reconciler.Core.State;

namespace Reconciler.Core.Applying;

/// <summary>
/// Carries out the sendable part of a plan: one PUT per changed task with bounded concurrency. Before each
/// request its intent is recorded (write-ahead); the answer settles it, and a confirmed success writes the
/// task's record in the same transaction. A failure of one task never stops the others, but a failed state
/// write stops everything not yet sent: a request that cannot be recorded is never sent. A platform failure (the platform
/// unreachable, an account's token refused) stops every later request it covers: nothing more is sent that would end the same way.
/// With a staged rollout (<see cref="ApplyOptions.Rollout"/>) the work goes out batch by batch, and a batch judged bad
/// (<see cref="Rollout.StagedRollout.Judge"/>) leaves the rest unsent: no result, no intent, no record for them.
/// </summary>
/// <param name="gate">The run's platform failures, shared with its planning reads (null: a gate of its own).</param>
internal sealed class Applier(ITaskApi api, IStateStore store, TimeProvider? timeProvider = null, PlatformGate? gate = null)
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly PlatformGate _gate = gate ?? new PlatformGate();

    /// <param name="stopStarting">When cancelled, no new request is started; requests in flight get the grace period to finish and are recorded.</param>
    public async Task<ApplyReport> ApplyAsync(Plan plan, ApplyOptions options, IProgress<TaskApplyResult>? progress, CancellationToken stopStarting)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(options);
        using var abortInFlight = new CancellationTokenSource();
        await using var registration = stopStarting.Register(() => abortInFlight.CancelAfter(options.EffectiveGracePeriod));
        var run = new ApplyRun(plan.Revision, _gate, stopStarting);
        var gated = new GatedTaskApi(api, _gate);

        var unmanaged = 0;
        foreach (var entry in plan.Entries.Where(e => e.Action == PlanAction.Unmanage && e.Deferral is null))
        {
            if (run.MayStart && await run.TryWriteAsync(() => store.ForgetAsync(entry.Identity, CancellationToken.None)) is null)
            {
                unmanaged++;
            }
        }

        var results = new ConcurrentBag<TaskApplyResult>();
        var work = SendableEntry.Select(plan);
        using var gate = new SemaphoreSlim(Math.Max(1, options.Parallelism));
        async Task<TaskApplyResult> RunOneAsync(SendableEntry entry)
        {
            await gate.WaitAsync(CancellationToken.None);
            var released = 0;

            // The slot is a request in flight: it is freed when the answer is in, so the next task's intent can share
            // the commit that records this answer. The caller still waits for that commit before reporting the task.
            void RequestDone()
            {
                if (Interlocked.Exchange(ref released, 1) == 0)
                {
                    gate.Release();
                }
            }

            try
            {
                var result = run.MayStart
                    ? await new TaskApplication(gated, store, _time, run, entry, RequestDone, options.Verify).RunAsync(abortInFlight.Token)
                    : new TaskApplyResult(entry.Entry, ApplyOutcome.Cancelled, null, run.NotStartedReason, TimeSpan.Zero);
                results.Add(result);
                progress?.Report(result);
                return result;
            }
            finally
            {
                RequestDone();
            }
        }

        Rollout.RolloutHalt? halt = null;
        if (options.Rollout is { } rollout)
        {
            halt = await RollOutAsync(work, rollout, RunOneAsync, stopStarting);
        }
        else
        {
            await Task.WhenAll(work.Select(RunOneAsync));
        }

        var order = work.Select((sendable, index) => (sendable.Entry, index)).ToDictionary(x => x.Entry, x => x.index);
        return new ApplyReport(results.OrderBy(r => order[r.Entry]).ToList(), unmanaged) { StateError = run.StateError, PlatformFailures = _gate.Failures, Halt = halt };
    }

    /// <summary>Batch after batch, each judged once done; a halt leaves the later batches unsent, with no result and nothing recorded.</summary>
    private async Task<Rollout.RolloutHalt?> RollOutAsync(List<SendableEntry> work, Rollout.RolloutOptions rollout, Func<SendableEntry, Task<TaskApplyResult>> runOne, CancellationToken stopStarting)
    {
        var batches = Rollout.StagedRollout.Batches(work, rollout);
        var sent = 0;
        for (var i = 0; i < batches.Count; i++)
        {
            if (i > 0 && rollout.Pause > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(rollout.Pause, _time, stopStarting);
                }
                catch (OperationCanceledException)
                {
                    // A cancelled pause ends at once: the later batches are then reported as not started, like any cancelled apply.
                }
            }

            var done = await Task.WhenAll(batches[i].Select(runOne));
            sent += done.Length;
            if (Rollout.StagedRollout.Judge(done, i + 1, batches.Count, work.Count - sent, rollout) is { } halt)
            {
                return halt;
            }
        }

        return null;
    }
}
