using System.Collections.Concurrent;
using Reconciler.Core.Planning;

namespace Reconciler.Core.Applying;

/// <summary>
/// Reads the live detail of many tasks at once, at most <c>parallelism</c> in flight, each bounded by the client's own
/// read timeout and, when a budget is given, all of them within it: a read still going when the budget is spent is
/// abandoned, and one not started by then is not sent; both are reported as timed out (skipped for this pass), so one
/// platform answer that drips, or many, cannot hold the pass and the polls behind it.
/// </summary>
internal static class DetailReads
{
    /// <param name="yield">
    /// Cancelled when the caller wants the pass back (the service: a push is waiting): reads in flight are abandoned and
    /// no more are started, and the entries not read are left out of the answer (not reported as timed out), for a later pass.
    /// </param>
    public static async Task<IReadOnlyDictionary<PlanEntry, RemoteTaskRead>> ReadAsync(
        IReadOnlyList<PlanEntry> entries, ITaskReader api, int parallelism, TimeSpan? budget, TimeProvider time, CancellationToken cancellationToken, CancellationToken yield = default)
    {
        var reads = new ConcurrentDictionary<PlanEntry, RemoteTaskRead>();
        using var spent = budget is { } limit ? new CancellationTokenSource(limit, time) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, spent.Token, yield);
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = linked.Token };
        try
        {
            await Parallel.ForEachAsync(entries, options, async (entry, token) =>
            {
                try
                {
                    reads[entry] = await api.ReadTaskAsync(entry.Identity, entry.Desired?.SubUserId, token);
                }
                catch (OperationCanceledException) when (yield.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    // Given back: not read, not a timeout.
                }
                catch (OperationCanceledException) when (spent.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    reads[entry] = OverBudget(budget);
                }
            });
        }
        catch (OperationCanceledException) when ((spent.IsCancellationRequested || yield.IsCancellationRequested) && !cancellationToken.IsCancellationRequested)
        {
            // The budget is spent (or the pass given back): what was not read is reported below, and the pass goes on.
        }

        if (yield.IsCancellationRequested && !spent.IsCancellationRequested)
        {
            return reads;
        }

        foreach (var entry in entries)
        {
            reads.TryAdd(entry, OverBudget(budget));
        }

        return reads;
    }

    private static RemoteTaskRead OverBudget(TimeSpan? budget) =>
        RemoteTaskRead.Failed($"not read within this pass's {budget?.TotalSeconds:0.###} s for detail reads") with { TimedOut = true };

    /// <summary>The deferral of a change whose task did not answer its detail read in time: skipped for this pass.</summary>
    public static Deferral SlowAnswer(RemoteTaskRead read) =>
        new(DeferralKind.SlowAnswer, $"the platform did not answer this task's detail read in time ({read.Problem}): skipped for this pass, nothing sent; tried again on the next pass");
}
