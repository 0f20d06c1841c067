using TaskApi.Simulator.Faults;

namespace TaskApi.Simulator.Control;

/// <summary><see cref="QueuedFault"/> on the wire, the delay in milliseconds.</summary>
internal sealed record QueuedFaultDto(
    FaultKind Kind,
    int Count = 1,
    string? UserId = null,
    string? TaskId = null,
    ApiOperation? Operation = null,
    int RetryAfterSeconds = 1,
    long DelayMs = 0,
    string? Field = null)
{
    public QueuedFault ToFault() => new(Kind, Count)
    {
        UserId = UserId,
        TaskId = TaskId,
        Operation = Operation,
        RetryAfterSeconds = RetryAfterSeconds,
        Delay = TimeSpan.FromMilliseconds(DelayMs),
        Field = Field,
    };

    public static QueuedFaultDto From(QueuedFault f) =>
        new(f.Kind, f.Count, f.UserId, f.TaskId, f.Operation, f.RetryAfterSeconds, (long)f.Delay.TotalMilliseconds, f.Field);
}
