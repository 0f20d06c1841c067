using Reconciler.Core.Reconciling;
using Microsoft.Data.Sqlite;
using Reconciler.Core.State;
using Xunit;

namespace Reconciler.State.Tests;

public sealed class SqliteStateStoreHistoryTests : IDisposable
{
    private readonly TempStateDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task AppendAttempt_ThenRead_ReturnsNewestFirstWithEveryField()
    {
        await using var store = await SqliteStateStore.OpenAsync(_temp.StatePath);
        var first = StateSamples.Attempt(StateSamples.At, ApplyOutcome.Blocked, apiCode: 6007, message: "2.0任务启动中,请先停止任务");
        var second = StateSamples.Attempt(StateSamples.At.AddMinutes(5), ApplyOutcome.Failed, apiCode: null, message: null);
        var third = StateSamples.Attempt(StateSamples.At.AddMinutes(10));
        foreach (var attempt in new[] { first, second, third })
        {
            await store.AppendAttemptAsync(attempt, CancellationToken.None);
        }

        var read = await store.ReadAttemptsAsync(10, CancellationToken.None);

        Assert.Equal([third, second, first], read);
    }

    [Fact]
    public async Task ReadAttempts_Limit_KeepsTheNewest()
    {
        await using var store = await SqliteStateStore.OpenAsync(_temp.StatePath);
        for (var i = 0; i < 5; i++)
        {
            await store.AppendAttemptAsync(StateSamples.Attempt(StateSamples.At.AddMinutes(i)), CancellationToken.None);
        }

        var read = await store.ReadAttemptsAsync(2, CancellationToken.None);

        Assert.Equal([StateSamples.At.AddMinutes(4), StateSamples.At.AddMinutes(3)], read.Select(a => a.At));
    }

    [Fact]
    public async Task ReadAttempts_SameTimestamp_LaterWriteComesFirst()
    {
        await using var store = await SqliteStateStore.OpenAsync(_temp.StatePath);
        await store.AppendAttemptAsync(StateSamples.Attempt(StateSamples.At, ApplyOutcome.Blocked), CancellationToken.None);
        await store.AppendAttemptAsync(StateSamples.Attempt(StateSamples.At, ApplyOutcome.Applied), CancellationToken.None);

        var read = await store.ReadAttemptsAsync(10, CancellationToken.None);

        Assert.Equal([ApplyOutcome.Applied, ApplyOutcome.Blocked], read.Select(a => a.Outcome));
    }

    [Fact]
    public async Task AppendAttempt_SameTaskTwice_KeepsBoth()
    {
        await using var store = await SqliteStateStore.OpenAsync(_temp.StatePath);
        var attempt = StateSamples.Attempt(StateSamples.At);

        await store.AppendAttemptAsync(attempt, CancellationToken.None);
        await store.AppendAttemptAsync(attempt, CancellationToken.None);

        Assert.Equal(2, (await store.ReadAttemptsAsync(10, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task AppendAttempt_EveryOutcome_RoundTrips()
    {
        await using var store = await SqliteStateStore.OpenAsync(_temp.StatePath);
        var outcomes = Enum.GetValues<ApplyOutcome>();
        for (var i = 0; i < outcomes.Length; i++)
        {
            await store.AppendAttemptAsync(StateSamples.Attempt(StateSamples.At.AddSeconds(i), outcomes[i]), CancellationToken.None);
        }

        var read = await store.ReadAttemptsAsync(100, CancellationToken.None);

        Assert.Equal(outcomes.Reverse(), read.Select(a => a.Outcome));
    }

    [Fact]
    public async Task ReadAttempts_ForOneTask_ReturnsOnlyItsAttemptsNewestFirst()
    {
        await using var store = await SqliteStateStore.OpenAsync(_temp.StatePath);
        await store.AppendAttemptAsync(StateSamples.Attempt(StateSamples.At, ApplyOutcome.Blocked), CancellationToken.None);
        await store.AppendAttemptAsync(StateSamples.Attempt(StateSamples.At.AddMinutes(1), taskId: "other"), CancellationToken.None);
        await store.AppendAttemptAsync(StateSamples.Attempt(StateSamples.At.AddMinutes(2), ApplyOutcome.Failed), CancellationToken.None);

        var read = await store.ReadAttemptsAsync(StateSamples.Identity, 10, CancellationToken.None);

        Assert.Equal([ApplyOutcome.Failed, ApplyOutcome.Blocked], read.Select(a => a.Outcome));
        Assert.All(read, a => Assert.Equal(StateSamples.Identity, a.Identity));
    }

    [Fact]
    public async Task Attempts_RewritingHistory_IsRefusedByTheDatabase()
    {
        await using (var store = await SqliteStateStore.OpenAsync(_temp.StatePath))
        {
            await store.AppendAttemptAsync(StateSamples.Attempt(StateSamples.At), CancellationToken.None);
        }

        await using var connection = new SqliteConnection($"Data Source={_temp.StatePath};Pooling=False");
        await connection.OpenAsync();
        foreach (var sql in new[] { "UPDATE attempts SET outcome = 'failed';", "DELETE FROM attempts;" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            var error = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync());
            Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RecordRun_ThenRead_RoundTripsNewestFirst()
    {
        await using var store = await SqliteStateStore.OpenAsync(_temp.StatePath);
        var older = new RunRecord(
            StateSamples.At,
            TimeSpan.FromMilliseconds(4_321),
            "9fceb02d0ae598e95dc970b74767f19372d61af8",
            "poll",
            Applied: true,
            new RunOutcomes(Applied: 2, Blocked: 1, Unchanged: 9),
            Error: null);
        var newer = new RunRecord(
            StateSamples.At.AddMinutes(5),
            TimeSpan.FromSeconds(2),
            Revision: null,
            "resync",
            Applied: false,
            RunOutcomes.None,
            "远端不可达: connection refused");
        await store.RecordRunAsync(older, CancellationToken.None);
        await store.RecordRunAsync(newer, CancellationToken.None);

        var read = await store.ReadRunsAsync(10, CancellationToken.None);

        Assert.Equal(2, read.Count);
        AssertRun(newer, read[0]);
        AssertRun(older, read[1]);
    }

    [Fact]
    public async Task ReadRuns_Limit_KeepsTheNewest()
    {
        await using var store = await SqliteStateStore.OpenAsync(_temp.StatePath);
        for (var i = 0; i < 3; i++)
        {
            await store.RecordRunAsync(
                new RunRecord(StateSamples.At.AddHours(i), TimeSpan.Zero, null, "cli", true, RunOutcomes.None, null),
                CancellationToken.None);
        }

        var read = await store.ReadRunsAsync(1, CancellationToken.None);

        Assert.Equal(StateSamples.At.AddHours(2), Assert.Single(read).StartedAt);
    }

    // The outcome counts are a typed record: record equality compares every count.
    private static void AssertRun(RunRecord expected, RunRecord actual) => Assert.Equal(expected, actual);
}
