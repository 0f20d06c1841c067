namespace Reconciler.Core.State.Export;

/// <summary>How many rows a store holds per table.</summary>
public sealed record StateCounts(int Tasks, int Intents, int Attempts, int Runs, int AcceptedBodies, int Holds, int Info)
{
    public override string ToString() => $"{Tasks} task(s), {Intents} intent(s), {Attempts} attempt(s), {Runs} run(s), {AcceptedBodies} accepted body(ies), {Holds} revision hold(s), {Info} store_info key(s)";
}
