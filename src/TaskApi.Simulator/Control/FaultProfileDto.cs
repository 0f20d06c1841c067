using TaskApi.Simulator.Faults;

namespace TaskApi.Simulator.Control;

/// <summary><see cref="FaultProfile"/> on the wire, durations in milliseconds.</summary>
internal sealed record FaultProfileDto(
    long LatencyMs = 0,
    LatencyPhase LatencyPhase = LatencyPhase.Before,
    double ServerErrorRate = 0,
    double RateLimitRate = 0,
    int RetryAfterSeconds = 1,
    double TimeoutRate = 0,
    double DropRate = 0,
    bool ForceTaskRunning = false,
    int Seed = 1,
    long TimeoutCapMs = 30_000)
{
    public FaultProfile ToProfile() => new()
    {
        Latency = TimeSpan.FromMilliseconds(LatencyMs),
        LatencyPhase = LatencyPhase,
        ServerErrorRate = ServerErrorRate,
        RateLimitRate = RateLimitRate,
        RetryAfterSeconds = RetryAfterSeconds,
        TimeoutRate = TimeoutRate,
        DropRate = DropRate,
        ForceTaskRunning = ForceTaskRunning,
        Seed = Seed,
        TimeoutCap = TimeSpan.FromMilliseconds(TimeoutCapMs),
    };

    public static FaultProfileDto From(FaultProfile p) => new(
        (long)p.Latency.TotalMilliseconds, p.LatencyPhase, p.ServerErrorRate, p.RateLimitRate, p.RetryAfterSeconds,
        p.TimeoutRate, p.DropRate, p.ForceTaskRunning, p.Seed, (long)p.TimeoutCap.TotalMilliseconds);
}
