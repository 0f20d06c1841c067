using System.Collections.Immutable;

namespace Reconciler.Core.Ledger;

/// <summary>What the ledger remembers of one task between runs.</summary>
/// <param name="Backoff">The streak of attempts that did not apply (null once one applied).</param>
/// <param name="DriftFields">The fields that differed on the platform when the live task was last read (null: not drifted).</param>
/// <param name="Heals">When it was re-applied after drift within the last hour (self-heal); too many is a fight.</param>
internal sealed record TaskMemory(BackoffEntry? Backoff, IReadOnlyList<string>? DriftFields, ImmutableList<DateTimeOffset> Heals)
{
    public static readonly TaskMemory None = new(null, null, []);

    /// <summary>The last plan held a change back until an earlier request's deadline (no failure of the task's): the loop wakes then.</summary>
    public DateTimeOffset? WaitsUntil { get; init; }

    public bool IsEmpty => Backoff is null && DriftFields is null && Heals.IsEmpty && WaitsUntil is null;
}
