using Reconciler.Core.Applying.Rollout;

namespace Reconciler.Core.State;

/// <summary>
/// A revision the service must not apply (more of), recorded in the state store so that no pass continues it, on any
/// replica or after a restart, until it is released: by a new revision of the branch, or by <c>reconciler sync --resume</c>.
/// </summary>
/// <param name="Revision">The revision held back (a commit id).</param>
/// <param name="At">When the hold was recorded.</param>
/// <param name="Halt">For <see cref="RevisionHoldKind.Halted"/>: the numbers that tripped it.</param>
/// <param name="RolledBackTo">For <see cref="RevisionHoldKind.RolledBack"/>: the revision whose manifests were applied instead.</param>
public sealed record RevisionHold(RevisionHoldKind Kind, string Revision, DateTimeOffset At, RolloutHalt? Halt = null, string? RolledBackTo = null)
{
    /// <summary>The store's id of the hold (0 until it is recorded).</summary>
    public long Id { get; init; }

    /// <summary><c>halted after batch 1 of 4: …</c> or <c>rolled back to REVISION</c>.</summary>
    public override string ToString() => Kind == RevisionHoldKind.Halted
        ? $"the rollout of {Short(Revision)} {Halt}"
        : $"{Short(Revision)} rolled back to {Short(RolledBackTo)}";

    private static string Short(string? commit) => commit is null ? "?" : commit[..Math.Min(12, commit.Length)];
}
