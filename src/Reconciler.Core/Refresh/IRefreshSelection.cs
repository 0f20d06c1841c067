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

    /// <summary>
    /// Cancelled when the caller wants the pass back (the service: a push is waiting): the reads still to come are not
    /// sent, those in flight are abandoned, and the entries not read stay as planned (no drift known, no warning).
    /// </summary>
    CancellationToken Yield => CancellationToken.None;

    /// <summary>Called once after the reads with the chosen entries that were not read because of <see cref="Yield"/> (often none).</summary>
    void NotRead(IReadOnlyList<PlanEntry> entries)
    {
    }
}
