namespace TaskApi.Simulator.Faults;

/// <summary>
/// Standing faults applied to every platform request that no queued fault claimed. Rates are shares
/// in [0, 1] drawn from one seeded <see cref="Random"/>, so a run is repeatable for a given seed and
/// request order.
/// </summary>
public sealed record FaultProfile
{
    public static FaultProfile None { get; } = new();

    /// <summary>Fixed latency added to every request.</summary>
    public TimeSpan Latency { get; init; }

    public LatencyPhase LatencyPhase { get; init; } = LatencyPhase.Before;

    /// <summary>Share of requests answered 500, 502 or 503 (one of the three, drawn at random).</summary>
    public double ServerErrorRate { get; init; }

    /// <summary>Share of requests answered 429 with <see cref="RetryAfterSeconds"/>.</summary>
    public double RateLimitRate { get; init; }

    public int RetryAfterSeconds { get; init; } = 1;

    /// <summary>Share of requests that hang until the client gives up or <see cref="TimeoutCap"/> passes.</summary>
    public double TimeoutRate { get; init; }

    /// <summary>Share of requests whose connection is aborted before processing.</summary>
    public double DropRate { get; init; }

    /// <summary>When true every update answers 6007, whatever the task's status.</summary>
    public bool ForceTaskRunning { get; init; }

    /// <summary>Seed of the random draws; setting a profile restarts the sequence.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Longest a timeout fault hangs before answering 504.</summary>
    public TimeSpan TimeoutCap { get; init; } = TimeSpan.FromSeconds(30);

    internal void Validate()
    {
        CheckRate(ServerErrorRate, nameof(ServerErrorRate));
        CheckRate(RateLimitRate, nameof(RateLimitRate));
        CheckRate(TimeoutRate, nameof(TimeoutRate));
        CheckRate(DropRate, nameof(DropRate));
        if (ServerErrorRate + RateLimitRate + TimeoutRate + DropRate > 1.0)
        {
            throw new ArgumentException("the fault rates add up to more than 1");
        }

        if (Latency < TimeSpan.Zero || TimeoutCap < TimeSpan.Zero || RetryAfterSeconds < 0)
        {
            throw new ArgumentException("latency, timeout cap and retry-after must not be negative");
        }
    }

    private static void CheckRate(double rate, string name)
    {
        if (double.IsNaN(rate) || rate < 0 || rate > 1)
        {
            throw new ArgumentOutOfRangeException(name, rate, "a rate is a share between 0 and 1");
        }
    }
}
