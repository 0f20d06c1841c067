using System.Threading.Channels;
using Reconciler.Core.Applying;
using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;

namespace Reconciler.Core.Tests.Applying;

/// <summary>
/// A scripted <see cref="ITaskApi"/>: answers are queued per task (default: success), every call is logged in
/// order, and concurrent updates are counted. With <see cref="ParkUpdates"/>, each update waits until the test
/// releases it, so a test controls exactly which requests are in flight.
/// </summary>
internal sealed class FakeTaskApi : ITaskApi
{
    private static readonly TimeSpan ArrivalLimit = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly Dictionary<TaskIdentity, Queue<TaskApiResult>> _updates = [];
    private readonly Dictionary<TaskIdentity, Queue<TaskApiResult>> _stops = [];
    private readonly List<(string Operation, TaskIdentity Identity)> _calls = [];
    private readonly Channel<ParkedCall> _arrivals = Channel.CreateUnbounded<ParkedCall>();
    private int _inFlight;
    private int _maxInFlight;

    public bool ParkUpdates { get; init; }

    /// <summary>Tasks the detail endpoint reports as running (dialling); every other task reads as unknown.</summary>
    public HashSet<TaskIdentity> RunningTasks { get; } = [];

    /// <summary>The most updates that were in flight at the same moment.</summary>
    public int MaxConcurrentUpdates => Volatile.Read(ref _maxInFlight);

    /// <summary>Every call in the order it was made: <c>put</c>, <c>stop</c> or <c>state</c>.</summary>
    public IReadOnlyList<(string Operation, TaskIdentity Identity)> Calls
    {
        get { lock (_gate) { return _calls.ToList(); } }
    }

    public int Puts => Calls.Count(c => c.Operation == "put");

    public IReadOnlyList<string> OperationsFor(TaskIdentity identity) =>
        Calls.Where(c => c.Identity == identity).Select(c => c.Operation).ToList();

    public void QueueUpdates(TaskIdentity identity, params TaskApiResult[] answers) => Queue(_updates, identity, answers);

    public void QueueStops(TaskIdentity identity, params TaskApiResult[] answers) => Queue(_stops, identity, answers);

    /// <summary>Waits (bounded) for the next parked update.</summary>
    public async Task<ParkedCall> NextArrivalAsync()
    {
        using var limit = new CancellationTokenSource(ArrivalLimit);
        return await _arrivals.Reader.ReadAsync(limit.Token);
    }

    /// <summary>What was left of each update's deadline when the engine called (the deadline is recorded with its intent).</summary>
    public List<TimeSpan> Within { get; } = [];

    public async Task<TaskApiResult> UpdateTaskAsync(TaskIdentity identity, ReadOnlyMemory<byte> utf8Body, TimeSpan within, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Within.Add(within);
        }

        var now = Interlocked.Increment(ref _inFlight);
        InterlockedMax(ref _maxInFlight, now);
        try
        {
            var answer = Take(_updates, identity, "put", ApiAnswers.Applied);
            if (!ParkUpdates)
            {
                await Task.Yield(); // let other tasks start, as a real request would
                return answer;
            }

            var parked = new ParkedCall(identity);
            _arrivals.Writer.TryWrite(parked);
            await parked.Released.WaitAsync(cancellationToken);
            return answer;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    public Task<TaskApiResult> StopTaskAsync(TaskIdentity identity, string? subUserId, CancellationToken cancellationToken) =>
        Task.FromResult(Take(_stops, identity, "stop", ApiAnswers.Stopped));

    public Task<RemoteTaskState?> GetTaskStateAsync(TaskIdentity identity, string? subUserId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _calls.Add(("state", identity));
            return Task.FromResult(RunningTasks.Contains(identity) ? new RemoteTaskState(true, "执行中") : null);
        }
    }

    /// <summary>Live details the refresh reads, per task (a task without one reads as unknown).</summary>
    public Dictionary<TaskIdentity, System.Text.Json.Nodes.JsonObject> Details { get; } = [];

    /// <summary>Reads answered with this failure of the platform's (unreachable, token refused), per task.</summary>
    public Dictionary<TaskIdentity, PlatformFailure> FailedReads { get; } = [];

    /// <summary>Tasks whose detail read never answers (it waits until the caller gives up).</summary>
    public HashSet<TaskIdentity> SlowReads { get; } = [];

    public async Task<RemoteTaskRead> ReadTaskAsync(TaskIdentity identity, string? subUserId, CancellationToken cancellationToken)
    {
        var known = await GetTaskStateAsync(identity, subUserId, cancellationToken);
        if (SlowReads.Contains(identity))
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        }

        lock (_gate)
        {
            if (FailedReads.TryGetValue(identity, out var failure))
            {
                return RemoteTaskRead.Failed(failure.Message) with { Platform = failure };
            }

            // The running state alone when there is no detail to show (as a detail without the body's fields would be).
            return Details.TryGetValue(identity, out var detail) ? new RemoteTaskRead(known ?? new RemoteTaskState(false, "已暂停"), detail, null)
                : known is not null ? new RemoteTaskRead(known, null, "no detail")
                : RemoteTaskRead.Failed("HTTP 404, code none");
        }
    }

    public Task<TaskListRead> ListTasksAsync(TaskListQuery query, CancellationToken cancellationToken) =>
        Task.FromResult(new TaskListRead(Details.Keys.Where(k => k.UserId == query.UserId).Select(k => new ListedTask(k.TaskId, null)).ToList(), null));

    private void Queue(Dictionary<TaskIdentity, Queue<TaskApiResult>> queues, TaskIdentity identity, TaskApiResult[] answers)
    {
        lock (_gate)
        {
            if (!queues.TryGetValue(identity, out var queue))
            {
                queues[identity] = queue = new Queue<TaskApiResult>();
            }

            foreach (var answer in answers)
            {
                queue.Enqueue(answer);
            }
        }
    }

    private TaskApiResult Take(Dictionary<TaskIdentity, Queue<TaskApiResult>> queues, TaskIdentity identity, string operation, TaskApiResult fallback)
    {
        lock (_gate)
        {
            _calls.Add((operation, identity));
            return queues.TryGetValue(identity, out var queue) && queue.TryDequeue(out var answer) ? answer : fallback;
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
