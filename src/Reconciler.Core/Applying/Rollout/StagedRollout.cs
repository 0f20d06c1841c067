using System.Globalization;
using Reconciler.Core.State;

namespace Reconciler.Core.Applying.Rollout;

/// <summary>The pure parts of a staged rollout: cutting the work into batches, and judging a batch once it is done.</summary>
public static class StagedRollout
{
    /// <summary>The work in order, cut into the canary (if any) and batches of the batch size.</summary>
    public static IReadOnlyList<IReadOnlyList<T>> Batches<T>(IReadOnlyList<T> work, RolloutOptions options)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(options);
        var batches = new List<IReadOnlyList<T>>();
        var next = 0;
        if (options.Canary is { } canary && work.Count > 0)
        {
            var size = Math.Min(canary.Of(work.Count), work.Count);
            batches.Add(work.Take(size).ToList());
            next = size;
        }

        var batchSize = options.Batch.Of(work.Count);
        for (; next < work.Count; next += batchSize)
        {
            batches.Add(work.Skip(next).Take(batchSize).ToList());
        }

        return batches;
    }

    /// <summary>The halt a finished batch calls for, or null to go on.</summary>
    /// <param name="unsent">Tasks in the batches after this one.</param>
    public static RolloutHalt? Judge(IReadOnlyList<TaskApplyResult> batch, int number, int batches, int unsent, RolloutOptions options)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(options);
        if (batch.Count == 0 || number >= batches)
        {
            return null; // nothing left to hold back
        }

        var rejected = batch.Count(r => r.Outcome == ApplyOutcome.Rejected);
        var failed = batch.Count(r => r.Outcome is ApplyOutcome.Failed or ApplyOutcome.Unauthorized);
        string? threshold = null;
        if (100.0 * rejected / batch.Count > options.HaltOnRejectedPercent)
        {
            threshold = "--halt-on-rejected " + Percent(options.HaltOnRejectedPercent);
        }
        else if (100.0 * failed / batch.Count > options.HaltOnFailedPercent)
        {
            threshold = "--halt-on-failed " + Percent(options.HaltOnFailedPercent);
        }

        return threshold is null ? null : new RolloutHalt(number, batches, batch.Count, rejected, failed, threshold, unsent);
    }

    private static string Percent(double value) => value.ToString("0.###", CultureInfo.InvariantCulture) + "%";
}
