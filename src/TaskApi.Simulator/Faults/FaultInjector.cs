namespace TaskApi.Simulator.Faults;

/// <summary>Queued faults and the standing profile. Not thread-safe: <see cref="SimulatorState"/> locks around it.</summary>
internal sealed class FaultInjector
{
    private readonly List<(QueuedFault Fault, int Remaining)> _queue = [];
    private Random _random;

    public FaultInjector(FaultProfile profile)
    {
        profile.Validate();
        Profile = profile;
        _random = new Random(profile.Seed);
    }

    public FaultProfile Profile { get; private set; }

    public IReadOnlyList<QueuedFault> Queue => _queue.Select(q => q.Fault with { Count = q.Remaining }).ToList();

    public void SetProfile(FaultProfile profile)
    {
        profile.Validate();
        Profile = profile;
        _random = new Random(profile.Seed);
    }

    public void Enqueue(QueuedFault fault)
    {
        if (fault.Count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(fault), fault.Count, "a queued fault needs a count of at least 1");
        }

        if (fault.Delay < TimeSpan.Zero || fault.RetryAfterSeconds < 0)
        {
            throw new ArgumentException("delay and retry-after must not be negative", nameof(fault));
        }

        _queue.Add((fault, fault.Count));
    }

    public void ClearQueue() => _queue.Clear();

    public FaultDecision Decide(ApiOperation operation, string userId, string? taskId)
    {
        var profile = Profile;
        for (var i = 0; i < _queue.Count; i++)
        {
            var (fault, remaining) = _queue[i];
            if (!fault.Matches(operation, userId, taskId))
            {
                continue;
            }

            if (remaining <= 1)
            {
                _queue.RemoveAt(i);
            }
            else
            {
                _queue[i] = (fault, remaining - 1);
            }

            var delay = fault.Kind == FaultKind.Timeout && fault.Delay == TimeSpan.Zero ? profile.TimeoutCap : fault.Delay;
            return new FaultDecision(fault.Kind, fault.RetryAfterSeconds, delay, profile.Latency, profile.LatencyPhase) { Field = fault.Field };
        }

        return new FaultDecision(DrawFromRates(profile, operation), profile.RetryAfterSeconds, profile.TimeoutCap, profile.Latency, profile.LatencyPhase);
    }

    private FaultKind? DrawFromRates(FaultProfile profile, ApiOperation operation)
    {
        if (profile.ForceTaskRunning && operation == ApiOperation.UpdateTask)
        {
            return FaultKind.TaskRunning;
        }

        var anyRate = profile.ServerErrorRate + profile.RateLimitRate + profile.TimeoutRate + profile.DropRate;
        if (anyRate <= 0)
        {
            return null; // no draw, so adding a rate later does not depend on how many requests came before
        }

        var draw = _random.NextDouble();
        if ((draw -= profile.ServerErrorRate) < 0)
        {
            return _random.Next(3) switch
            {
                0 => FaultKind.InternalServerError,
                1 => FaultKind.BadGateway,
                _ => FaultKind.ServiceUnavailable,
            };
        }

        if ((draw -= profile.RateLimitRate) < 0)
        {
            return FaultKind.TooManyRequests;
        }

        if ((draw -= profile.TimeoutRate) < 0)
        {
            return FaultKind.Timeout;
        }

        return draw - profile.DropRate < 0 ? FaultKind.DropConnection : null;
    }
}
