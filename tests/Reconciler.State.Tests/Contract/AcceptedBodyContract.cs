using Reconciler.Core.State;

namespace Reconciler.State.Tests.Contract;

/// <summary>Every body the platform accepted stays readable by its hash after the record moves on (for <c>state history --diff</c>).</summary>
public abstract class AcceptedBodyContract<TBacking> : StoreContract<TBacking>
    where TBacking : IStoreBacking, new()
{
    [StoreFact]
    public async Task RecordApplied_TwoBodies_BothStayReadableByHash()
    {
        var store = await OpenAsync();
        var first = StateSamples.Applied(bodyJson: """{"name":"第一版"}""");
        var second = StateSamples.Applied(bodyJson: """{"name":"第二版"}""");
        await store.RecordAppliedAsync(first, CancellationToken.None);
        await store.RecordAppliedAsync(second, CancellationToken.None);
        await store.RecordAppliedAsync(first, CancellationToken.None); // the same body again: kept once

        var bodies = (IAcceptedBodies)store;

        Assert.Equal(first.Body.Json, await bodies.ReadAcceptedBodyAsync(first.Body.Hash, CancellationToken.None));
        Assert.Equal(second.Body.Json, await bodies.ReadAcceptedBodyAsync(second.Body.Hash, CancellationToken.None));
        Assert.Null(await bodies.ReadAcceptedBodyAsync("no-such-hash", CancellationToken.None));
        Assert.Equal(2L, await ScalarAsync<long>("SELECT count(*) FROM accepted_bodies;"));
    }
}

public sealed class SqliteAcceptedBodyTests : AcceptedBodyContract<SqliteBacking>;

public sealed class PostgresAcceptedBodyTests : AcceptedBodyContract<PostgresBacking>;
