namespace Reconciler.Service.Refresh;

/// <summary>What the refresh remembers of one task.</summary>
/// <param name="AttemptedAt">When a read was last sent (answered or not): the schedule counts the period from here.</param>
/// <param name="ReadAt">When the live task was last read successfully: staleness counts from here.</param>
/// <param name="Drifted">The last successful read found live values other than the manifest's.</param>
public readonly record struct ReadMark(DateTimeOffset AttemptedAt, DateTimeOffset? ReadAt, bool Drifted);
