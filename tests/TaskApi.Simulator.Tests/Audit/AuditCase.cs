using System.Text.Json.Nodes;
using Reconciler.Core.Manifests;

namespace TaskApi.Simulator.Tests.Audit;

/// <summary>What each side does with one body.</summary>
public enum AuditVerdict
{
    /// <summary>The reconciler plans it (perhaps with warnings) and the simulator stores it.</summary>
    BothAccept,

    /// <summary>Both refuse it.</summary>
    BothRefuse,

    /// <summary>The reconciler refuses what the simulator (following the document) accepts: a rule we add, listed in the simulator README.</summary>
    ReconcilerStricter,

    /// <summary>The simulator refuses what the reconciler accepts (a value the platform holds, or a reading it warns about), listed in the simulator README.</summary>
    SimulatorStricter,
}

/// <summary>
/// One body of the audit corpus: a change to a valid base body, the verdict we expect from each side, and for every
/// disagreement the key of the README row that explains it.
/// </summary>
public sealed record AuditCase(string Id, ApiFlavour Flavour, Action<JsonObject> Edit, AuditVerdict Expected, string? Difference = null)
{
    /// <summary>Line residues the simulator holds for this case (the platform's residue).</summary>
    public IReadOnlyDictionary<string, long> Residues { get; init; } = new Dictionary<string, long>();

    /// <summary>The body the edit starts from; null: the flavour's small base body (<see cref="AuditCases"/>).</summary>
    public string? Base { get; init; }

    public override string ToString() => Id;
}
