namespace Reconciler.TaskApi.Http;

/// <summary>How many attempts one call made, counted by <see cref="AttemptCountingHandler"/> inside the retry loop.</summary>
internal sealed class AttemptCounter
{
    public static readonly HttpRequestOptionsKey<AttemptCounter> Key = new("Reconciler.TaskApi.Attempts");

    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Increment() => Interlocked.Increment(ref _count);
}
