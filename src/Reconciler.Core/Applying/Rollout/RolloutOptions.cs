namespace Reconciler.Core.Applying.Rollout;

/// <summary>
/// A staged rollout: the plan's updates are sent in batches (the first one may be a smaller canary), each evaluated once
/// it is done; a batch whose share of rejected or failed tasks exceeds its threshold halts the rollout, and nothing more
/// is sent.
/// </summary>
/// <param name="Batch">Every batch (after the canary).</param>
/// <param name="Canary">The first batch, when it differs; null: the first batch is an ordinary one.</param>
/// <param name="Pause">Wait between batches (after the evaluation passed).</param>
/// <param name="HaltOnRejectedPercent">Halt when more than this share of a batch was rejected (0: any rejection halts).</param>
/// <param name="HaltOnFailedPercent">Halt when more than this share of a batch failed or was unauthorized.</param>
public sealed record RolloutOptions(BatchSize Batch, BatchSize? Canary, TimeSpan Pause, double HaltOnRejectedPercent = RolloutOptions.DefaultHaltPercent, double HaltOnFailedPercent = RolloutOptions.DefaultHaltPercent)
{
    /// <summary>Our default for both thresholds: more than a tenth of a batch going wrong stops the rollout.</summary>
    public const double DefaultHaltPercent = 10;
}
