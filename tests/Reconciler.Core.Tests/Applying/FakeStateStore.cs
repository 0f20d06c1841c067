using Reconciler.Core.Manifests;
using Reconciler.Core.State;

namespace Reconciler.Core.Tests.Applying;

/// <summary>An in-memory <see cref="IStateStore"/> that remembers every write, for asserting what the applier recorded.</summary>
internal sealed class FakeStateStore : IStateStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TaskIdentity, AppliedRecord> _applied = [];
    private readonly List<ApplyAttempt> _attempts = [];
    private readonly List<TaskIdentity> _forgotten = [];
    private readonly List<RunRecord> _runs = [];

    public FakeStateStore(params AppliedRecord[] records)
    {
        foreach (var record in records)
        {
            _applied[record.Identity] = record;
        }
    }

    public IReadOnlyDictionary<TaskIdentity, AppliedRecord> Applied
    {
        get { lock (_gate) { return new Dictionary<TaskIdentity, AppliedRecord>(_applied); } }
    }

    /// <summary>Attempts in the order they were appended.</summary>
    public IReadOnlyList<ApplyAttempt> Attempts
    {
        get { lock (_gate) { return _attempts.ToList(); } }
    }

    public IReadOnlyList<TaskIdentity> Forgotten
    {
        get { lock (_gate) { return _forgotten.ToList(); } }
    }

    public int RecordAppliedCalls { get; private set; }

    public Task<IReadOnlyDictionary<TaskIdentity, AppliedRecord>> LoadAppliedAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Applied);

    public Task RecordAppliedAsync(AppliedRecord record, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            RecordAppliedCalls++;
            _applied[record.Identity] = record;
        }

        return Task.CompletedTask;
    }

    public Task ForgetAsync(TaskIdentity identity, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _forgotten.Add(identity);
            _applied.Remove(identity);
        }

        return Task.CompletedTask;
    }

    public Task AppendAttemptAsync(ApplyAttempt attempt, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _attempts.Add(attempt);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ApplyAttempt>> ReadAttemptsAsync(int limit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<ApplyAttempt>>(_attempts.AsEnumerable().Reverse().Take(limit).ToList());
        }
    }

    public Task RecordRunAsync(RunRecord run, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _runs.Add(run);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<RunRecord>> ReadRunsAsync(int limit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<RunRecord>>(_runs.AsEnumerable().Reverse().Take(limit).ToList());
        }
    }

    public Task<IAsyncDisposable> AcquireApplyLockAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IAsyncDisposable>(NoLock.Instance);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
