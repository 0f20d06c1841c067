using TaskApi.Simulator.Faults;

namespace TaskApi.Simulator;

/// <summary>
/// Everything the simulator knows: accounts, tasks, counters, the request log and the faults to inject.
/// Thread-safe; the HTTP control surface under <c>/_simulator</c> calls the same methods.
/// </summary>
public sealed partial class SimulatorState
{
    private readonly Lock _gate = new();
    private readonly Credentials _credentials = new();
    private readonly Dictionary<(string UserId, string TaskId), SimulatedTask> _tasks = [];
    private readonly List<RequestLogEntry> _log = [];
    private readonly FaultInjector _faults;
    private bool _autoCreateTasks;
    private long _sequence;
    private readonly ChangeSignal _changed = new();

    public SimulatorState(SimulatorOptions? options = null)
    {
        options ??= new SimulatorOptions();
        Time = options.TimeProvider;
        _faults = new FaultInjector(options.Faults);
        _autoCreateTasks = options.AutoCreateTasks;
        SetDefaultToken(options.DefaultToken);
    }

    /// <summary>The clock used for the request log and every injected delay.</summary>
    public TimeProvider Time { get; }

    /// <summary>When true an update for an unknown task creates it (flavour V2 when the body has <c>task_extras.pop_mode</c>, else V2Legacy).</summary>
    public bool AutoCreateTasks
    {
        get { lock (_gate) { return _autoCreateTasks; } }
        set { lock (_gate) { _autoCreateTasks = value; } }
    }

    /// <summary>A token accepted for every account (null: none). Never logged or returned.</summary>
    public void SetDefaultToken(string? token) => _credentials.SetDefault(token);

    /// <summary>Registers an account, or replaces its token.</summary>
    public void RegisterAccount(string userId, string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentException.ThrowIfNullOrEmpty(token);
        Mutate(() => _credentials.RegisterAccount(userId, token));
    }

    /// <summary>One more token for an account; its requests carry <paramref name="client"/> in the request log.</summary>
    public void RegisterClientToken(string userId, string token, string client)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentException.ThrowIfNullOrEmpty(token);
        ArgumentException.ThrowIfNullOrEmpty(client);
        _credentials.RegisterClient(userId, token, client);
    }

    public IReadOnlyList<string> AccountIds() => _credentials.AccountIds();

    /// <summary>Creates a task, replacing any task with the same identity (counters start at zero).</summary>
    public TaskSnapshot CreateTask(TaskDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentException.ThrowIfNullOrEmpty(definition.UserId);
        ArgumentException.ThrowIfNullOrEmpty(definition.TaskId);
        return Mutate(() =>
        {
            var task = new SimulatedTask(definition);
            _tasks[(definition.UserId, definition.TaskId)] = task;
            return task.Snapshot();
        });
    }

    public TaskSnapshot? GetTask(string userId, string taskId)
    {
        lock (_gate)
        {
            return _tasks.GetValueOrDefault((userId, taskId))?.Snapshot();
        }
    }

    public IReadOnlyList<TaskSnapshot> ListTasks(string? userId = null)
    {
        lock (_gate)
        {
            return _tasks.Values
                .Where(t => userId is null || t.UserId == userId)
                .OrderBy(t => t.UserId, StringComparer.Ordinal)
                .ThenBy(t => t.TaskId, StringComparer.Ordinal)
                .Select(t => t.Snapshot())
                .ToList();
        }
    }

    /// <exception cref="KeyNotFoundException">No such task.</exception>
    public TaskSnapshot SetStatus(string userId, string taskId, SimulatedTaskStatus status) => Mutate(() =>
    {
        var task = _tasks.GetValueOrDefault((userId, taskId))
            ?? throw new KeyNotFoundException($"no task {userId}/{taskId}");
        task.Status = status;
        return task.Snapshot();
    });

    /// <summary>Running means <see cref="SimulatedTaskStatus.Dialling"/>; stopped means <see cref="SimulatedTaskStatus.Paused"/>.</summary>
    public TaskSnapshot SetRunning(string userId, string taskId, bool running) =>
        SetStatus(userId, taskId, running ? SimulatedTaskStatus.Dialling : SimulatedTaskStatus.Paused);

    /// <summary>The platform-held residue of each line, checked on every update.</summary>
    public LineResidues Lines { get; } = new();

    /// <summary>Sets every task's PUT/applied/stop/detail counts back to zero.</summary>
    public void ResetCounters() => Mutate(() =>
    {
        foreach (var task in _tasks.Values)
        {
            task.ResetCounters();
        }
    });

    public IReadOnlyList<RequestLogEntry> GetRequestLog()
    {
        lock (_gate)
        {
            return _log.ToList();
        }
    }

    public void ClearRequestLog() => Mutate(_log.Clear);

    public FaultProfile GetFaultProfile()
    {
        lock (_gate)
        {
            return _faults.Profile;
        }
    }

    /// <summary>Replaces the standing fault profile and restarts its random sequence from the profile's seed.</summary>
    public void SetFaultProfile(FaultProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Mutate(() => _faults.SetProfile(profile));
    }

    public void EnqueueFault(QueuedFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        Mutate(() => _faults.Enqueue(fault));
    }

    /// <summary>The queued faults not yet consumed, with their remaining counts.</summary>
    public IReadOnlyList<QueuedFault> GetQueuedFaults()
    {
        lock (_gate)
        {
            return _faults.Queue;
        }
    }

    public void ClearQueuedFaults() => Mutate(_faults.ClearQueue);

    /// <summary>Removes the standing profile and every queued fault.</summary>
    public void ClearFaults() => Mutate(() =>
    {
        _faults.SetProfile(FaultProfile.None);
        _faults.ClearQueue();
    });

    /// <summary>Completes once <paramref name="condition"/> holds, re-checking after every change (no polling).</summary>
    public async Task WaitUntilAsync(Func<SimulatorState, bool> condition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(condition);
        while (true)
        {
            var changed = _changed.Next; // taken before the check, so a change in between is not missed
            if (condition(this))
            {
                return;
            }

            await changed.WaitAsync(cancellationToken);
        }
    }

    internal bool IsAuthorized(string userId, string? presentedToken) => Authorize(userId, presentedToken).Authorized;

    /// <summary>Whether the token is accepted for the account, and the label of the client token it is (null for the account's own).</summary>
    internal (bool Authorized, string? Client) Authorize(string userId, string? presentedToken) => _credentials.Authorize(userId, presentedToken);

    /// <summary>Counts the arrival against its task, numbers it and decides its fault, in one step.</summary>
    internal (long Sequence, DateTimeOffset ReceivedAt, FaultDecision Fault) BeginRequest(ApiOperation operation, string userId, string? taskId) =>
        Mutate(() =>
        {
            if (taskId is not null && _tasks.TryGetValue((userId, taskId), out var task))
            {
                task.Count(operation);
            }

            return (++_sequence, Time.GetUtcNow(), _faults.Decide(operation, userId, taskId));
        });

    internal void EndRequest(RequestLogEntry entry) => Mutate(() => _log.Add(entry));

    internal (UpdateStatus Status, string? Message) Update(
        string userId, string taskId, string? subUserId, string rawBody, TaskFlavour autoCreateFlavour, Func<TaskFlavour, string?> validate) =>
        Mutate<(UpdateStatus, string?)>(() =>
        {
            if (!_tasks.TryGetValue((userId, taskId), out var task))
            {
                if (!_autoCreateTasks)
                {
                    return (UpdateStatus.NotFound, null);
                }

                task = new SimulatedTask(new TaskDefinition(userId, taskId) { SubUserId = subUserId, Flavour = autoCreateFlavour });
                task.Count(ApiOperation.UpdateTask);
                _tasks[(userId, taskId)] = task;
            }

            if (!task.VisibleTo(subUserId))
            {
                return (UpdateStatus.NotFound, null);
            }

            if (validate(task.Flavour) is { } problem)
            {
                return (UpdateStatus.Invalid, problem);
            }

            if (task.Running)
            {
                return (UpdateStatus.Running, null);
            }

            task.Body = rawBody;
            task.UpdatedAt = Time.GetUtcNow();
            task.AppliedCount++;
            return (UpdateStatus.Stored, null);
        });

    /// <summary>Pauses the task; false when it is unknown to this (sub-)account.</summary>
    internal bool Stop(string userId, string taskId, string? subUserId) => Mutate(() =>
    {
        if (!_tasks.TryGetValue((userId, taskId), out var task) || !task.VisibleTo(subUserId))
        {
            return false;
        }

        task.Status = SimulatedTaskStatus.Paused;
        return true;
    });

    internal TaskSnapshot? FindVisible(string userId, string taskId, string? subUserId)
    {
        lock (_gate)
        {
            return _tasks.TryGetValue((userId, taskId), out var task) && task.VisibleTo(subUserId) ? task.Snapshot() : null;
        }
    }

    private void Mutate(Action change) => Mutate(() =>
    {
        change();
        return true;
    });

    private T Mutate<T>(Func<T> change)
    {
        T result;
        lock (_gate)
        {
            result = change();
        }

        _changed.Pulse();
        return result;
    }
}
