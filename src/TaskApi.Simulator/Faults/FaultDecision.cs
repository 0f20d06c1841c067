namespace TaskApi.Simulator.Faults;

/// <summary>What the injector decided for one request: at most one fault, plus the profile's fixed latency.</summary>
internal sealed record FaultDecision(FaultKind? Kind, int RetryAfterSeconds, TimeSpan Delay, TimeSpan Latency, LatencyPhase LatencyPhase)
{
    /// <summary>The field of an <see cref="FaultKind.IgnoreField"/> fault.</summary>
    public string? Field { get; init; }

    public static FaultDecision None { get; } = new(null, 0, TimeSpan.Zero, TimeSpan.Zero, LatencyPhase.Before);
}
