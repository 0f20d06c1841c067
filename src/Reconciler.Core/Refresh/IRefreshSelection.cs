using Reconciler.Core.Planning;

namespace Reconciler.Core.Refresh;

/// <summary>
/// Which of the tasks a refresh could read it reads this time. <c>apply --refresh</c> reads them all; the service reads
/// a slice per pass, so live reads trickle over the resync period instead of arriving all at once (its choice, not the
/// engine's: the engine only asks).
/// </summary>
public interface IRefreshSelection
{
    /// <param name="readable">The managed tasks with a desired body (unchanged, update, adopt), in plan order.</param>
    /// <returns>The entries to read now: a subset of <paramref name="readable"/>.</returns>
    IReadOnlyList<PlanEntry> Choose(IReadOnlyList<PlanEntry> readable);
}
