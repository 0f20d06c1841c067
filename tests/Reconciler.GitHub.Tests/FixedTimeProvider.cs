namespace Reconciler.GitHub.Tests;

/// <summary>A clock that always says the same time, so Retry-After turns into a predictable instant.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
