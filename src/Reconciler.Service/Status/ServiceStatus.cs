using Reconciler.Core.Ledger;
using Reconciler.Core.Policies;
using Reconciler.Core.Reconciling;
using Reconciler.Core.Tasks;

namespace Reconciler.Service.Status;

/// <summary>
/// The service's live state for <c>/status</c> and <c>/readyz</c>: written by the loop, read by requests.
/// Every change swaps in a new immutable snapshot under a lock, so a reader never sees half a run. Tests and
/// operators can await "run N completed" or "pass N completed" instead of sleeping.
/// </summary>
public sealed class ServiceStatus
{
    /// <summary>How many runs <c>/status</c> lists in <c>recent_runs</c>.</summary>
    public const int RecentRunCount = 10;

    private readonly Lock _gate = new();
    private readonly SyncSchedule? _windows;
    private StatusSnapshot _snapshot;
    private TaskLedger _ledger = TaskLedger.Empty;
    private int _runs;
    private int _passes;
    private int _settledRuns;
    private TaskCompletionSource _changed = NewSignal();

    public ServiceStatus(string repository, string branch, string path, SyncSchedule? windows)
    {
        _windows = windows;
        _snapshot = new StatusSnapshot(repository, branch, path, false, null, null, null, 0, null, null, null, null, [], []) { Version = StatusSnapshot.ContractVersion };
    }

    /// <summary>Runs completed (each recorded in the state store), including runs that failed to fetch.</summary>
    public int Runs => Volatile.Read(ref _runs);

    /// <summary>
    /// Runs whose pass has ended, so the loop has already scheduled what comes next. A test that moves a fake clock
    /// after a run waits for this: moved while the pass is still ending, the clock would push the next resync back.
    /// </summary>
    public int SettledRuns => Volatile.Read(ref _settledRuns);

    /// <summary>Loop passes completed: every wake-up, including polls that found the branch unchanged.</summary>
    public int Passes => Volatile.Read(ref _passes);

    /// <summary>Ready: fetched once, and the state store usable.</summary>
    public bool IsReady => Current is { Ready: true, StateError: null };

    public StatusSnapshot Current
    {
        get
        {
            lock (_gate)
            {
                return _snapshot;
            }
        }
    }

    /// <summary>The snapshot with the sync window's state at <paramref name="now"/>.</summary>
    public StatusSnapshot Snapshot(DateTimeOffset now)
    {
        lock (_gate)
        {
            return _windows is null ? _snapshot : _snapshot with
            {
                SyncWindow = new SyncWindowStatusView(string.Join(",", _windows.Windows), _windows.Zone.Id, _windows.IsOpen(now), _windows.NextOpening(now), _ledger.PendingForWindow),
            };
        }
    }

    public void Fetched(string revision, DateTimeOffset at) => Change(s => s with
    {
        Ready = true,
        WatchedRevision = revision,
        LastFetchAt = at,
        LastFetchError = null,
        ConsecutiveFetchFailures = 0,
    });

    public void FetchFailed(string error, DateTimeOffset at) => Change(s => s with
    {
        LastFetchAt = at,
        LastFetchError = error,
        ConsecutiveFetchFailures = s.ConsecutiveFetchFailures + 1,
    });

    /// <param name="tasks">Where each task stands after this run; null keeps the previous lines (a run that failed before planning).</param>
    /// <param name="ledger">The ledger after this run (whether changes wait for the sync window).</param>
    /// <param name="syncTicket">The sync request this run answers (0: none).</param>
    public void RunCompleted(ReconcileRun run, IReadOnlyList<TaskStanding>? tasks, TaskLedger ledger, long syncTicket = 0)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(ledger);
        lock (_gate)
        {
            _ledger = ledger;
            var last = RunStatusView.From(run.Record) with { SyncTicket = syncTicket > 0 ? syncTicket : null };
            _snapshot = _snapshot with
            {
                LastRun = last,
                RecentRuns = [last, .. _snapshot.RecentRuns.Take(RecentRunCount - 1)],
                Tasks = tasks is null ? _snapshot.Tasks : TaskProblems.CarryLeftStopped(_snapshot.Tasks, tasks),
                LastSuccessfulRevision = run.Succeeded ? run.Record.Revision : _snapshot.LastSuccessfulRevision,
                StateError = run.StateUnusable ? run.Error : null,
            };
            _runs++;
            Signal();
        }
    }

    /// <summary>How fresh the live reads are after the last run (null: refresh has not planned yet).</summary>
    public void Refreshed(Refresh.RefreshSummary? summary) => Change(s => s with { Refresh = summary });

    /// <summary>A follower read the shared state: the leader's last run, the tasks as that state has them, and the ledger it implies; the store is usable.</summary>
    public void Observed(RunStatusView? lastRun, IReadOnlyList<TaskStanding>? tasks, TaskLedger ledger) => Change(s =>
    {
        _ledger = ledger;
        return s with
        {
            LastRun = lastRun ?? s.LastRun,
            Tasks = tasks ?? s.Tasks,
            LastSuccessfulRevision = lastRun is { Error: null } ? lastRun.Revision : s.LastSuccessfulRevision,
            StateError = null,
        };
    });

    /// <summary>The shared state cannot be read: not ready until it can.</summary>
    public void StateUnreachable(string error) => Change(s => s with { StateError = error });

    /// <summary>The revision held back as the state store has it now (null: none).</summary>
    public void HoldChanged(Core.State.RevisionHold? hold) => Change(s => s with { Hold = hold is null ? null : HoldStatusView.From(hold) });

    public void ReplicaChanged(ReplicaStatusView replica) => Change(s => s with { Replica = replica });

    /// <summary>
    /// Who leads, as a follower read it from the shared state (this replica's own role is left as it is). A read that
    /// finishes after this replica became the leader is stale: its own term is the truth then, and is kept.
    /// </summary>
    public void LeaderObserved(LeaderStatusView? leader) => Change(s => s with { Replica = s.Replica is { Role: ReplicaRole.Follower } replica ? replica with { Leader = leader } : s.Replica });

    public void PullRequestPlanned(PullRequestStatusView pull) => Change(s => s with
    {
        PullRequests = s.PullRequests.Where(p => p.Number != pull.Number).Append(pull).OrderBy(p => p.Number).ToList(),
    });

    public void PullRequestsOpen(IReadOnlySet<int> open) => Change(s => s with
    {
        PullRequests = s.PullRequests.Where(p => open.Contains(p.Number)).ToList(),
    });

    public void PassCompleted()
    {
        lock (_gate)
        {
            _passes++;
            _settledRuns = _runs;
            Signal();
        }
    }

    public Task WaitForRunsAsync(int count, CancellationToken cancellationToken) => WaitUntilAsync(() => Runs >= count, cancellationToken);

    /// <summary>Completes once <paramref name="count"/> runs have ended with their passes (<see cref="SettledRuns"/>).</summary>
    public Task WaitForSettledRunsAsync(int count, CancellationToken cancellationToken) => WaitUntilAsync(() => SettledRuns >= count, cancellationToken);

    public Task WaitForPassesAsync(int count, CancellationToken cancellationToken) => WaitUntilAsync(() => Passes >= count, cancellationToken);

    /// <summary>Completes once the condition holds, re-checked after every change (no polling).</summary>
    public async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            if (condition())
            {
                return;
            }

            await changed.WaitAsync(cancellationToken);
        }
    }

    private void Change(Func<StatusSnapshot, StatusSnapshot> change)
    {
        lock (_gate)
        {
            _snapshot = change(_snapshot);
            Signal();
        }
    }

    private void Signal()
    {
        var previous = _changed;
        _changed = NewSignal();
        previous.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
