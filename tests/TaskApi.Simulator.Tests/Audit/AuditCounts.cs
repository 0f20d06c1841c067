namespace TaskApi.Simulator.Tests.Audit;

/// <summary>The corpus in figures, as the simulator README states them (the test checks the README says exactly this).</summary>
internal sealed record AuditCounts(int Cases, int BothAccept, int BothRefuse, int ReconcilerStricter, int SimulatorStricter)
{
    public static AuditCounts Of(IReadOnlyCollection<AuditCase> cases)
    {
        int Count(AuditVerdict verdict) => cases.Count(c => c.Expected == verdict);
        return new(cases.Count, Count(AuditVerdict.BothAccept), Count(AuditVerdict.BothRefuse), Count(AuditVerdict.ReconcilerStricter), Count(AuditVerdict.SimulatorStricter));
    }

    public string Sentence =>
        $"{Cases} bodies: {BothAccept} accepted by both, {BothRefuse} refused by both, {ReconcilerStricter} refused only by the reconciler, {SimulatorStricter} refused only by the simulator";
}
