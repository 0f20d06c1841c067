namespace Reconciler.Core.Applying;

/// <summary>
/// One run's memory of platform failures (fail fast): once the platform is unreachable, nothing more is sent in the
/// run; once an account's token is refused, nothing more is sent for that account. Each failure is kept once, in the
/// order seen, so the run reports one line per fact, not one per task or retry. Thread-safe.
/// </summary>
public sealed class PlatformGate
{
    private readonly Lock _lock = new();
    private readonly List<PlatformFailure> _failures = [];

    /// <summary>The distinct failures seen so far, first first.</summary>
    public IReadOnlyList<PlatformFailure> Failures
    {
        get
        {
            lock (_lock)
            {
                return _failures.ToList();
            }
        }
    }

    /// <summary>The failure that stops requests for this account, if any.</summary>
    public PlatformFailure? Blocking(string userId)
    {
        lock (_lock)
        {
            return _failures.FirstOrDefault(f => f.Covers(userId));
        }
    }

    /// <summary>Remembers a failure (a second one for the same account and kind is the same fact, kept once).</summary>
    public void Observe(PlatformFailure? failure)
    {
        if (failure is null)
        {
            return;
        }

        lock (_lock)
        {
            if (!_failures.Any(f => f.Kind == failure.Kind && f.UserId == failure.UserId))
            {
                _failures.Add(failure);
            }
        }
    }
}
