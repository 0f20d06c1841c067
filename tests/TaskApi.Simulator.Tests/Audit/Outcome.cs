namespace TaskApi.Simulator.Tests.Audit;

/// <summary>The expected verdict of a mutation and, for a disagreement, the README row that explains it.</summary>
internal sealed record Outcome(AuditVerdict Verdict, string? Difference = null)
{
    public static readonly Outcome Accept = new(AuditVerdict.BothAccept);
    public static readonly Outcome Refuse = new(AuditVerdict.BothRefuse);

    /// <summary>A rule the reconciler adds (README key).</summary>
    public static Outcome Ours(string key) => new(AuditVerdict.ReconcilerStricter, key);
}
