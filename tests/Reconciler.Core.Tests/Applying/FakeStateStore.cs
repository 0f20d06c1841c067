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
    private readonly List<(TaskIntent Intent, string? Outcome)> _intents = [];

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

    /// <summary>Every intent recorded, with its settled outcome (null while unsettled).</summary>
    public IReadOnlyList<(TaskIntent Intent, string? Outcome)> Intents
    {
        get { lock (_gate) { return _intents.ToList(); } }
    }

    public IReadOnlyList<RunRecord> Runs
    {
        get { lock (_gate) { return _runs.ToList(); } }
    }

    /// <summary>After this many successful writes, every write fails as a full or read-only disk would.</summary>
    public int? FailWritesAfter { get; set; }

    private int _writes;

    public Task<IReadOnlyDictionary<TaskIdentity, TaskIntent>> LoadInDoubtAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var inDoubt = new Dictionary<TaskIdentity, TaskIntent>();
            foreach (var (intent, outcome) in _intents.Where(i => i.Intent.Operation == TaskIntent.Update))
            {
                if (outcome == "applied")
                {
                    inDoubt.Remove(intent.Identity);
                }
                else if (outcome is null)
                {
                    inDoubt[intent.Identity] = intent;
                }
            }

            return Task.FromResult<IReadOnlyDictionary<TaskIdentity, TaskIntent>>(inDoubt);
        }
    }

    public Task<IReadOnlyList<OpenRequest>> LoadOpenRequestsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<OpenRequest>>(_intents
                .Where(i => i.Intent.Operation == TaskIntent.Update && i.Intent.Deadline > now && i.Outcome != "rebound")
                .Select(i => new OpenRequest(i.Intent.Identity, i.Intent.BodyHash, i.Intent.At, i.Intent.Deadline!.Value))
                .ToList());
        }
    }

    public Task<TaskIntent> RecordIntentAsync(TaskIntent intent, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _serial++;
            Write($"record the intent to update task {intent.Identity}");
            var recorded = intent with { Id = _intents.Count + 1 };
            _intents.Add((recorded, null));
            return Task.FromResult(recorded);
        }
    }

    public Task SettleIntentAsync(TaskIntent intent, ApplyAttempt attempt, bool definitive, AppliedRecord? applied, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _serial++;
            Write($"settle the intent of task {intent.Identity}");
            _attempts.Add(attempt);
            if (definitive)
            {
                _intents[(int)intent.Id - 1] = (intent, attempt.Outcome.ToString().ToLowerInvariant());
            }

            if (applied is not null)
            {
                RecordAppliedCalls++;
                _applied[applied.Identity] = applied;
                Endpoint ??= _firstRecordEndpoint;
            }
        }

        return Task.CompletedTask;
    }

    private void Write(string action = "write")
    {
        if (FailWritesAfter is { } limit && _writes >= limit)
        {
            throw new StateStoreException($"state store 'fake.db': could not {action}: disk I/O error");
        }

        _writes++;
    }

    public Task<IReadOnlyDictionary<TaskIdentity, AppliedRecord>> LoadAppliedAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Applied);

    public Task RecordAppliedAsync(AppliedRecord record, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _serial++;
            Write();
            RecordAppliedCalls++;
            _applied[record.Identity] = record;
            Endpoint ??= _firstRecordEndpoint;
        }

        return Task.CompletedTask;
    }

    public Task ForgetAsync(TaskIdentity identity, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _serial++;
            _forgotten.Add(identity);
            _applied.Remove(identity);
        }

        return Task.CompletedTask;
    }

    public Task AppendAttemptAsync(ApplyAttempt attempt, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Write($"record an attempt for task {attempt.Identity}");
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
            Write();
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

    public string? Endpoint { get; private set; }

    /// <summary>Written with the next applied record (<see cref="BindWithFirstRecordAsync"/>).</summary>
    private string? _firstRecordEndpoint;

    public Task BindWithFirstRecordAsync(string endpoint, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (Endpoint is not null && Endpoint != endpoint)
            {
                Endpoint = null;
                CloseOpenIntents();
            }

            _firstRecordEndpoint = endpoint;
        }

        return Task.CompletedTask;
    }

        /// <summary>The store's id; its serial counts the changes a real store counts (records, intents, binding).</summary>
    public string StoreId { get; init; } = "fake0000000000000000000000000000";

    private long _serial;

    public Task<StateVersion> ReadVersionAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(new StateVersion(StoreId, _serial));
        }
    }

    public Task<string?> ReadEndpointAsync(CancellationToken cancellationToken) => Task.FromResult(Endpoint);

    public Task BindEndpointAsync(string endpoint, bool forgetRecords, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _serial++;
            Write();
            Endpoint = endpoint;
            if (forgetRecords)
            {
                _applied.Clear();
                CloseOpenIntents();
            }
        }

        return Task.CompletedTask;
    }

    private void CloseOpenIntents()
    {
        for (var i = 0; i < _intents.Count; i++)
        {
            _intents[i] = (_intents[i].Intent, _intents[i].Outcome ?? "rebound");
        }
    }

    public Task<IAsyncDisposable> AcquireApplyLockAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IAsyncDisposable>(NoLock.Instance);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
