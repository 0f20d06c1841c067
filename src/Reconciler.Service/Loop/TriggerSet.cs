using Reconciler.Core.Reconciling;

namespace Reconciler.Service.Loop;

/// <summary>
/// The triggers one pass answers, merged: requests never replace each other, the most demanding wins. What the set
/// asks for is the union of what its triggers ask: <c>sync ⊇ webhook ⊇ poll</c> (each fetches; a sync also re-plans
/// when the branch did not move), <c>takeover</c> also re-reads the shared history, <c>resync</c> and <c>refresh</c>
/// re-plan and read the slice of live tasks that is due, <c>retry</c> and <c>window</c> re-plan.
/// </summary>
public readonly record struct TriggerSet
{
    /// <summary>The order in which a pass's run is named after its triggers: the most demanding first.</summary>
    private static readonly RunTrigger[] Naming =
        [RunTrigger.Takeover, RunTrigger.Sync, RunTrigger.Webhook, RunTrigger.Poll, RunTrigger.Resync, RunTrigger.Refresh, RunTrigger.Retry, RunTrigger.Window];

    private readonly uint _bits;

    private TriggerSet(uint bits) => _bits = bits;

    public static TriggerSet None => default;

    public bool IsEmpty => _bits == 0;

    /// <summary>The pass fetches the watched branch first.</summary>
    public bool Fetches => Has(RunTrigger.Poll) || Has(RunTrigger.Webhook) || Has(RunTrigger.Sync) || Has(RunTrigger.Takeover);

    public static TriggerSet Of(params RunTrigger[] triggers) => triggers.Aggregate(None, (set, t) => set.With(t));

    public bool Has(RunTrigger trigger) => (_bits & Bit(trigger)) != 0;

    public TriggerSet With(RunTrigger trigger) => new(_bits | Bit(trigger));

    public TriggerSet Without(RunTrigger trigger) => new(_bits & ~Bit(trigger));

    public TriggerSet Union(TriggerSet other) => new(_bits | other._bits);

    /// <summary>
    /// Whether the pass re-plans after its fetch, and the trigger its run is recorded with: a poll or webhook only
    /// when the branch moved; a sync or takeover also when it did not (not when the fetch failed: that is recorded
    /// as the failed fetch); resync, retry and window re-plan the last fetched revision in any case.
    /// </summary>
    public RunTrigger? Reconciles(FetchOutcome? fetched)
    {
        foreach (var trigger in Naming)
        {
            if (!Has(trigger))
            {
                continue;
            }

            var answered = trigger switch
            {
                RunTrigger.Takeover or RunTrigger.Sync => fetched is FetchOutcome.Moved or FetchOutcome.Unchanged,
                RunTrigger.Webhook or RunTrigger.Poll => fetched is FetchOutcome.Moved,
                _ => true,
            };
            if (answered)
            {
                return trigger;
            }
        }

        return null;
    }

    /// <summary>The trigger a failed fetch is recorded with: the most demanding of those that fetch.</summary>
    public RunTrigger FetchTrigger
    {
        get
        {
            var bits = _bits;
            return Naming.First(t => (bits & Bit(t)) != 0 && t is RunTrigger.Takeover or RunTrigger.Sync or RunTrigger.Webhook or RunTrigger.Poll);
        }
    }

    public override string ToString()
    {
        var bits = _bits;
        return bits == 0 ? "none" : string.Join("+", Enum.GetValues<RunTrigger>().Where(t => (bits & Bit(t)) != 0).Select(t => t.ToWord()));
    }

    private static uint Bit(RunTrigger trigger) => 1u << (int)trigger;
}
