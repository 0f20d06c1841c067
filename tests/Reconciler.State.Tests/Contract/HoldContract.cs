using Reconciler.Core.Applying.Rollout;
using Reconciler.Core.State;

namespace Reconciler.State.Tests.Contract;

/// <summary>The revision the service holds back: survives reopening, one open at a time, released and kept (never deleted).</summary>
public abstract class HoldContract<TBacking> : StoreContract<TBacking>
    where TBacking : IStoreBacking, new()
{
    private static readonly RolloutHalt Halt = new(1, 4, 10, 3, 0, "--halt-on-rejected 10%", 30);

    [StoreFact]
    public async Task Hold_ThenReopen_ReadsTheHaltWithItsNumbers()
    {
        var store = await OpenAsync();
        var recorded = await ((IRevisionHolds)store).HoldAsync(new RevisionHold(RevisionHoldKind.Halted, "abc123", StateSamples.At, Halt), CancellationToken.None);
        await store.DisposeAsync();

        var reopened = (IRevisionHolds)await OpenAsync();
        var read = await reopened.ReadHoldAsync(CancellationToken.None);

        Assert.Equal(recorded, read);
        Assert.Equal(Halt, read!.Halt);
        Assert.Equal(StateSamples.At, read.At);
    }

    [StoreFact]
    public async Task Hold_Twice_TheNewerReplacesTheOlder()
    {
        var holds = (IRevisionHolds)await OpenAsync();
        await holds.HoldAsync(new RevisionHold(RevisionHoldKind.Halted, "abc123", StateSamples.At, Halt), CancellationToken.None);
        await holds.HoldAsync(new RevisionHold(RevisionHoldKind.RolledBack, "def456", StateSamples.At.AddMinutes(1), RolledBackTo: "abc123"), CancellationToken.None);

        var read = await holds.ReadHoldAsync(CancellationToken.None);

        Assert.Equal((RevisionHoldKind.RolledBack, "def456", "abc123"), (read!.Kind, read.Revision, read.RolledBackTo));
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM revision_holds WHERE released_at IS NULL;"));
    }

    [StoreFact]
    public async Task Release_LeavesNoOpenHold_AndKeepsTheRow()
    {
        var holds = (IRevisionHolds)await OpenAsync();
        await holds.HoldAsync(new RevisionHold(RevisionHoldKind.Halted, "abc123", StateSamples.At, Halt), CancellationToken.None);

        var released = await holds.ReleaseHoldAsync(StateSamples.At.AddMinutes(5), "resumed by reconciler sync --resume", CancellationToken.None);

        Assert.Equal("abc123", released?.Revision);
        Assert.Null(await holds.ReadHoldAsync(CancellationToken.None));
        Assert.Null(await holds.ReleaseHoldAsync(StateSamples.At.AddMinutes(6), "again", CancellationToken.None));
        Assert.Equal("resumed by reconciler sync --resume", await ScalarAsync<string>("SELECT released_reason FROM revision_holds;"));
        await Assert.ThrowsAnyAsync<Exception>(() => Backing.ScalarAsync("DELETE FROM revision_holds;"));
    }
}

public sealed class SqliteHoldTests : HoldContract<SqliteBacking>;

public sealed class PostgresHoldTests : HoldContract<PostgresBacking>;
