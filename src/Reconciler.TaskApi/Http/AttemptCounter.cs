namespace Reconciler.TaskApi.Http;

/// <summary>
/// What one call's attempts did, kept by <see cref="AttemptCountingHandler"/> inside the retry loop: how many there
/// were, whether any may have reached the platform (for "in doubt" versus "not sent"), and the latest instant an
/// attempt may start (the call's deadline less one attempt's time).
/// </summary>
internal sealed class AttemptCounter
{
    public static readonly HttpRequestOptionsKey<AttemptCounter> Key = new("Reconciler.TaskApi.Attempts");

    private int _count;
    private int _mayHaveReached;
    private int _unanswered;

    /// <summary>No attempt starts after this instant (null: no deadline beyond the pipeline's own timeouts).</summary>
    public DateTimeOffset? StartBy { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public int Count => Volatile.Read(ref _count);

    /// <summary>True once an attempt was sent (answered or not); false while every attempt failed before sending.</summary>
    public bool MayHaveReached => Volatile.Read(ref _mayHaveReached) != 0;

    /// <summary>Attempts that may have reached the platform and got no answer (timed out, connection lost): they may still be stored.</summary>
    public int Unanswered => Volatile.Read(ref _unanswered);

    public void Increment() => Interlocked.Increment(ref _count);

    public void Reached() => Volatile.Write(ref _mayHaveReached, 1);

    public void ReachedWithoutAnswer()
    {
        Reached();
        Interlocked.Increment(ref _unanswered);
    }
}
