using Reconciler.Core.State;

namespace Reconciler.State.Tests.Contract;

/// <summary>Several writers at once: parallel tasks of one apply, and several stores (processes, replicas) on one state.</summary>
public abstract class ConcurrencyContract<TBacking> : StoreContract<TBacking>
    where TBacking : IStoreBacking, new()
{
    [StoreFact]
    public async Task Writes_FromParallelTasksAndTwoStores_AllSucceed()
    {
        const int writers = 8;
        const int perWriter = 20;
        var first = await OpenAsync();
        var second = await OpenAsync();

        var work = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var store = w % 2 == 0 ? first : second;
            for (var i = 0; i < perWriter; i++)
            {
                var taskId = $"task-{w}-{i}";
                await store.RecordAppliedAsync(StateSamples.Applied(taskId: taskId), CancellationToken.None);
                await store.AppendAttemptAsync(
                    StateSamples.Attempt(StateSamples.At.AddSeconds(i), ApplyOutcome.Applied, taskId),
                    CancellationToken.None);
                _ = await store.LoadAppliedAsync(CancellationToken.None);
            }
        }));
        await Task.WhenAll(work);

        Assert.Equal(writers * perWriter, (await first.LoadAppliedAsync(CancellationToken.None)).Count);
        Assert.Equal(writers * perWriter, (await second.ReadAttemptsAsync(int.MaxValue, CancellationToken.None)).Count);
    }

    [StoreFact]
    public async Task Open_FromParallelTasksOnFreshData_MigratesOnce()
    {
        var stores = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => OpenAsync())));

        await stores[0].RecordAppliedAsync(StateSamples.Applied(), CancellationToken.None);

        Assert.Single(await stores[3].LoadAppliedAsync(CancellationToken.None));
    }
}

public sealed class SqliteConcurrencyTests : ConcurrencyContract<SqliteBacking>;

public sealed class PostgresConcurrencyTests : ConcurrencyContract<PostgresBacking>;
