using Reconciler.Core.Reconciling;
using Reconciler.Core.State;
using Reconciler.Testing.State;
using Xunit;

namespace Reconciler.State.Tests;

public sealed class StateSeederTests : IDisposable
{
    private readonly TestDirectory _temp = new("state");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Seed_ThenOpen_StoreSeesTheRecordsAttemptsAndRuns()
    {
        var record = StateSeeder.Applied(StateSamples.UserId, StateSamples.TaskId, StateSamples.BodyJson, "tasks/a.yaml", "abc");
        var attempt = StateSamples.Attempt(StateSamples.At, ApplyOutcome.Blocked, apiCode: 6007);
        var run = new RunRecord(StateSamples.At, TimeSpan.FromSeconds(3), "abc", Core.Reconciling.RunTrigger.Poll, true, new RunOutcomes(Blocked: 1), null);

        await StateSeeder.SeedAsync(_temp.StatePath, [record], [attempt], [run]);

        await using var store = await SqliteStateStore.OpenAsync(_temp.StatePath);
        Assert.Equal(record, Assert.Single(await store.LoadAppliedAsync(CancellationToken.None)).Value);
        Assert.Equal(attempt, Assert.Single(await store.ReadAttemptsAsync(10, CancellationToken.None)));
        Assert.Equal(Core.Reconciling.RunTrigger.Poll, Assert.Single(await store.ReadRunsAsync(10, CancellationToken.None)).Trigger);
    }

    [Fact]
    public async Task Applied_CanonicalisesTheBodyLikeTheNormalizer()
    {
        var record = StateSeeder.Applied("u", "t", """{ "b": 1, "a": "名字" }""");

        await StateSeeder.SeedAsync(_temp.StatePath, [record]);
        var loaded = await StateSeeder.LoadAsync(_temp.StatePath);

        Assert.Equal("""{"a":"名字","b":1}""", loaded[new("u", "t")].Body.Json);
        Assert.Equal(StateSeeder.DefaultAppliedAt, loaded[new("u", "t")].AppliedAt);
    }
}
