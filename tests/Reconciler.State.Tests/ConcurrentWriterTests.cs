using Reconciler.Core.State;
using Xunit;

namespace Reconciler.State.Tests;

public sealed class ConcurrentWriterTests : IDisposable
{
    private readonly TempStateDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Writes_FromParallelTasksAndTwoStores_AllSucceed()
    {
        const int writers = 8;
        const int perWriter = 20;
        await using var first = await SqliteStateStore.OpenAsync(_temp.StatePath);
        await using var second = await SqliteStateStore.OpenAsync(_temp.StatePath);

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

    [Fact]
    public async Task Open_FromParallelTasksOnAFreshFile_MigratesOnce()
    {
        var stores = await Task.WhenAll(Enumerable.Range(0, 4)
            .Select(_ => Task.Run(() => SqliteStateStore.OpenAsync(_temp.StatePath))));
        try
        {
            await stores[0].RecordAppliedAsync(StateSamples.Applied(), CancellationToken.None);
            Assert.All(stores, s => Assert.Equal(_temp.StatePath, s.Path));
            Assert.Single(await stores[3].LoadAppliedAsync(CancellationToken.None));
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }
}
