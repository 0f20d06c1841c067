using System.Globalization;

namespace Reconciler.Core.Applying.Rollout;

/// <summary>Why a staged rollout stopped sending: the batch that tripped a threshold, its numbers, and what was left unsent.</summary>
/// <param name="Batch">The batch evaluated (1-based).</param>
/// <param name="Batches">How many batches the rollout had.</param>
/// <param name="Unsent">Tasks never sent: they stay planned, with nothing recorded.</param>
public sealed record RolloutHalt(int Batch, int Batches, int BatchTasks, int Rejected, int Failed, string Threshold, int Unsent)
{
    /// <summary><c>halted after batch 1 of 4: 3 of 10 rejected (30%), more than --halt-on-rejected 20%; 30 tasks not sent</c>.</summary>
    public override string ToString() =>
        $"halted after batch {Batch} of {Batches}: {Rejected} of {BatchTasks} rejected ({Percent(Rejected)}), {Failed} failed ({Percent(Failed)}), more than {Threshold}; {Unsent} task(s) not sent (still planned)";

    private string Percent(int count) => (100.0 * count / Math.Max(1, BatchTasks)).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
