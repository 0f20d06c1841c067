using Reconciler.Core.Applying.Rollout;
using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;
using Reconciler.Core.State;
using Reconciler.Core.Tasks;
using Reconciler.Core.Tests.Ledger;

namespace Reconciler.Core.Tests.Applying;

/// <summary>The service's hold as plan data: the held revision's changes stay planned with a reason; any other revision is untouched.</summary>
public sealed class RevisionHoldPolicyTests
{
    private static readonly RevisionHold Halted = new(RevisionHoldKind.Halted, "r1", LedgerRuns.T0, new RolloutHalt(1, 2, 10, 3, 0, "--halt-on-rejected 20%", 10));

    private static Plan TwoChangesAndADeferredOne() => new(
    [
        LedgerRuns.Entry("""{"name":"a"}"""),
        LedgerRuns.Entry("""{"name":"b"}""", new TaskIdentity("u-1", "t-2")) with { Action = PlanAction.Adopt },
        LedgerRuns.Entry("""{"name":"c"}""", new TaskIdentity("u-1", "t-3")) with { Deferral = new Deferral(DeferralKind.Running, "running") },
    ], "r1");

    [Fact]
    public void Apply_HeldRevision_DefersEveryChangeThatWouldBeSent_AndTheyStayPending()
    {
        var held = RevisionHoldPolicy.Apply(TwoChangesAndADeferredOne(), Halted);

        Assert.Empty(held.ToSend);
        Assert.Equal([DeferralKind.RevisionHeld, DeferralKind.RevisionHeld, DeferralKind.Running], held.Entries.Select(e => e.Deferral!.Kind));
        Assert.StartsWith("the rollout of r1 halted after batch 1 of 2", held.Entries[0].Deferral!.Reason, StringComparison.Ordinal);
        Assert.Equal("revision_held", held.Entries[0].Deferral!.Word);
        Assert.Equal(TaskState.Pending, TaskStandings.StateOf(held.Entries[0], null));
    }

    [Fact]
    public void Apply_AnotherRevisionOrNoHold_ChangesNothing()
    {
        var plan = TwoChangesAndADeferredOne();

        Assert.Same(plan, RevisionHoldPolicy.Apply(plan, Halted with { Revision = "r0" }));
        Assert.Same(plan, RevisionHoldPolicy.Apply(plan, null));
    }
}
