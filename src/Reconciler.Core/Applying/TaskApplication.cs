using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;
using Reconciler.Core.State;

namespace Reconciler.Core.Applying;

/// <summary>
/// Applies one plan entry (a <see cref="SendableEntry"/>: its task and the body it sends): (stop if allowed and running) → record the intent → PUT → settle the intent with
/// the answer (and the task's record on success, in the same transaction). An answer that is not definitive
/// (a transient failure after retries, a request abandoned in flight) leaves the task in doubt.
/// </summary>
/// <param name="requestsDone">Called once the task's last request is answered, before its answer is recorded.</param>
/// <param name="verify">Read the task back after an accepted update (<see cref="ReadBack"/>).</param>
internal sealed class TaskApplication(ITaskApi api, IStateStore store, TimeProvider time, ApplyRun run, SendableEntry sendable, Action requestsDone, bool verify = false)
{
    private readonly long _started = time.GetTimestamp();

    private readonly PlanEntry _entry = sendable.Entry;

    private readonly TaskManifest _desired = sendable.Desired;

    private string? _stateError;

    public async Task<TaskApplyResult> RunAsync(CancellationToken abortInFlight)
    {
        if (_entry.IsBlockedByRunningTask)
        {
            // Known before sending (the document: a running task gets 6007). Don't spend a request; retry on a later run.
            // No code: the platform answered none, the detail read is what we report.
            var blocked = Result(ApplyOutcome.Blocked, null, ApplyMessages.NotSent + (_entry.Remote?.Reading ?? ApplyMessages.ReadAsRunning) + ApplyMessages.StopAdvice);
            return await RecordAsync(() => store.AppendAttemptAsync(Attempt(blocked), CancellationToken.None)) ? blocked : StateFailed(blocked);
        }

        var stopped = false;
        if (_entry.WillStopTask)
        {
            if (await StopAsync(abortInFlight) is { } failedStop)
            {
                return failedStop;
            }

            stopped = true;
        }

        var (answer, intent) = await PutAsync(abortInFlight);
        if (intent is null)
        {
            return answer;
        }

        if (answer.Outcome == ApplyOutcome.Blocked && _desired.StopBeforeUpdate && !stopped)
        {
            // The task started running after we looked (or we did not look): stop it as the manifest allows, then try once more.
            if (!await SettleAsync(intent, answer, definitive: true))
            {
                return StateFailed(answer);
            }

            if (await StopAsync(abortInFlight) is { } failedStop)
            {
                return failedStop;
            }

            stopped = true;
            (answer, intent) = await PutAsync(abortInFlight);
            if (intent is null)
            {
                return answer;
            }
        }

        if (ReadBack.Needed(_entry, answer, verify))
        {
            answer = await ReadBack.VerifyAsync(api, sendable, answer, verify, abortInFlight);
        }

        requestsDone();
        var result = answer with { Stopped = stopped };

        // A failure is in doubt only when a request may have reached the platform; one that sent nothing is not.
        var definitive = result.Outcome != ApplyOutcome.Failed || result.Delivery == RequestDelivery.NotSent;
        if (!definitive)
        {
            result = result with { Message = $"{result.Message}; {ApplyMessages.InDoubtNote}" };
        }

        return await SettleAsync(intent, result, definitive) ? result : StateFailed(result);
    }

    /// <summary>Records the intent, then sends; the intent is null when it could not be recorded (nothing was sent).</summary>
    private async Task<(TaskApplyResult Answer, TaskIntent? Intent)> PutAsync(CancellationToken abortInFlight)
    {
        if (run.Blocking(_entry.Identity) is { } failure)
        {
            // The platform is unreachable or refuses this account's token: this request would end the same way.
            return (FromApi(TaskApiResult.NotSent(failure)), null);
        }

        // The deadline is part of the write-ahead record: whoever reads the intent later knows when its request is dead.
        var deadline = time.GetUtcNow() + api.UpdateDeadline;
        TaskIntent? intent = null;
        if (!await RecordAsync(async () => intent = await store.RecordIntentAsync(Intent(TaskIntent.Update, _desired.Body.Hash) with { Deadline = deadline }, CancellationToken.None)))
        {
            return (Result(ApplyOutcome.Cancelled, null, run.NotStartedReason), null);
        }

        TaskApiResult answer;
        try
        {
            // What is left of the recorded deadline (the intent's write took some of it).
            answer = await api.UpdateTaskAsync(_entry.Identity, _desired.Body.Utf8Memory, deadline - time.GetUtcNow(), abortInFlight);
        }
        catch (OperationCanceledException)
        {
            answer = new TaskApiResult(ApplyOutcome.Failed, null, ApplyMessages.RequestAbandoned, null);
        }

        return (FromApi(answer), intent);
    }

    /// <summary>Stops the task (with its own intent); returns a final result when stopping failed (the update is then not attempted).</summary>
    private async Task<TaskApplyResult?> StopAsync(CancellationToken abortInFlight)
    {
        if (run.Blocking(_entry.Identity) is { } failure)
        {
            return FromApi(TaskApiResult.NotSent(failure));
        }

        TaskIntent? intent = null;
        if (!await RecordAsync(async () => intent = await store.RecordIntentAsync(Intent(TaskIntent.Stop, null), CancellationToken.None)))
        {
            return Result(ApplyOutcome.Cancelled, null, run.NotStartedReason);
        }

        TaskApiResult stop;
        try
        {
            stop = await api.StopTaskAsync(_entry.Identity, _desired.SubUserId, abortInFlight);
        }
        catch (OperationCanceledException)
        {
            stop = new TaskApiResult(ApplyOutcome.Failed, null, ApplyMessages.StopAbandoned, null);
        }

        // The client reports a successful task_stop as Stopped (code 200); Applied is accepted too, as a success.
        var succeeded = stop.Outcome is ApplyOutcome.Stopped or ApplyOutcome.Applied;
        var stopResult = FromApi(stop) with { Outcome = succeeded ? ApplyOutcome.Stopped : stop.Outcome, Message = succeeded ? ApplyMessages.StoppedBeforeUpdate : ApplyMessages.CouldNotStop + stop.Message };
        var definitive = stop.Outcome != ApplyOutcome.Failed || stop.Delivery == RequestDelivery.NotSent;
        var recorded = await RecordAsync(() => store.SettleIntentAsync(intent!, Attempt(stopResult), definitive, null, CancellationToken.None));
        return !recorded ? StateFailed(stopResult) : succeeded ? null : stopResult;
    }

    private Task<bool> SettleAsync(TaskIntent intent, TaskApplyResult result, bool definitive)
    {
        var applied = result.Outcome == ApplyOutcome.Applied
            ? new AppliedRecord(_desired.Identity, _desired.Body, _desired.File, run.Revision, time.GetUtcNow()) { SetName = _desired.Set?.Name }
            : null;

        // Settled with nothing left that could land, the request no longer fences the task; an attempt that went unanswered still does until its deadline.
        var settled = result.MayLandLater ? intent : intent with { Deadline = null };
        return RecordAsync(() => store.SettleIntentAsync(settled, Attempt(result), definitive, applied, CancellationToken.None));
    }

    /// <summary>One of this task's state writes; its own failure is kept for its message (the run keeps the first of all).</summary>
    private async Task<bool> RecordAsync(Func<Task> write)
    {
        var error = await run.TryWriteAsync(write);
        _stateError ??= error;
        return error is null;
    }

    /// <summary>The answer could not be recorded: the platform may hold it, the state does not, so the task is in doubt.</summary>
    private TaskApplyResult StateFailed(TaskApplyResult answer) => answer with
    {
        Outcome = answer.Outcome == ApplyOutcome.Cancelled ? ApplyOutcome.Cancelled : ApplyOutcome.Failed,
        Message = $"{answer.Outcome.ToWord()}{ApplyMessages.NotRecorded}{_stateError ?? run.StateError}{ApplyMessages.NotRecordedEnd}",
    };

    private TaskIntent Intent(string operation, string? bodyHash) =>
        new(0, _entry.Identity, operation, bodyHash, run.Revision, time.GetUtcNow());

    private TaskApplyResult Result(ApplyOutcome outcome, int? apiCode, string? message) =>
        new(_entry, outcome, apiCode, message, time.GetElapsedTime(_started));

    private TaskApplyResult FromApi(TaskApiResult answer) =>
        Result(answer.Outcome, answer.ApiCode, answer.Message) with { Delivery = answer.Delivery, Platform = answer.Platform, MayLandLater = answer.MayLandLater };

    private ApplyAttempt Attempt(TaskApplyResult result) =>
        new(time.GetUtcNow(), run.Revision, _entry.Identity, result.Outcome, result.ApiCode, WithVerification(result), result.Duration, _desired.Body.Hash);

    /// <summary>A read-back that did not confirm the body is kept in the attempt's history (the record is still what the platform accepted).</summary>
    private static string? WithVerification(TaskApplyResult result) =>
        result.Verification is { Outcome: not VerificationOutcome.Verified } v
            ? string.IsNullOrEmpty(result.Message) ? v.ToString() : $"{result.Message}; {v}"
            : result.Message;
}
