namespace TaskApi.Simulator.Faults;

/// <summary>When the fixed latency of a <see cref="FaultProfile"/> is spent.</summary>
public enum LatencyPhase
{
    /// <summary>Before processing: a client that gives up during the wait changed nothing.</summary>
    Before,

    /// <summary>After processing: the update is stored, then the answer is late.</summary>
    After,
}
