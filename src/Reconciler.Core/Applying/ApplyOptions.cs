namespace Reconciler.Core.Applying;

/// <summary>How an apply runs.</summary>
/// <param name="Parallelism">PUTs in flight at once (default 4, like Flux's concurrent reconciles).</param>
/// <param name="GracePeriod">After cancellation, how long requests already sent may take to finish (their results are still recorded).</param>
/// <param name="Verify">Read each task back after its update is accepted and compare what the detail carries with what was sent.</param>
/// <param name="Rollout">Send in batches and halt on a bad one (null: everything at once).</param>
internal sealed record ApplyOptions(int Parallelism = 4, TimeSpan? GracePeriod = null, bool Verify = false, Rollout.RolloutOptions? Rollout = null)
{
    public static readonly ApplyOptions Default = new();

    public TimeSpan EffectiveGracePeriod => GracePeriod ?? TimeSpan.FromSeconds(30);
}
