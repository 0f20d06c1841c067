using Reconciler.Core.Reconciling;
using Reconciler.Core.State;

namespace Reconciler.State.Tests.Contract;

/// <summary>The append-only attempt history and the runs.</summary>
public abstract class HistoryContract<TBacking> : StoreContract<TBacking>
    where TBacking : IStoreBacking, new()
{
    [StoreFact]
    public async Task AppendAttempt_ThenRead_ReturnsNewestFirstWithEveryField()
    {
        var store = await OpenAsync();
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

    [StoreFact]
    public async Task ReadAttempts_Limit_KeepsTheNewest()
    {
        var store = await OpenAsync();
        for (var i = 0; i < 5; i++)
        {
            await store.AppendAttemptAsync(StateSamples.Attempt(StateSamples.At.AddMinutes(i)), CancellationToken.None);
        }

        var read = await store.ReadAttemptsAsync(2, CancellationToken.None);

        Assert.Equal([StateSamples.At.AddMinutes(4), StateSamples.At.AddMinutes(3)], read.Select(a => a.At));
    }

    [StoreFact]
    public async Task ReadAttempts_SameTimestamp_LaterWriteComesFirst()
    {
        var store = await OpenAsync();
        await store.AppendAttemptAsync(StateSamples.Attempt(StateSamples.At, ApplyOutcome.Blocked), CancellationToken.None);
        await store.AppendAttemptAsync(StateSamples.Attempt(StateSamples.At, ApplyOutcome.Applied), CancellationToken.None);

        var read = await store.ReadAttemptsAsync(10, CancellationToken.None);

        Assert.Equal([ApplyOutcome.Applied, ApplyOutcome.Blocked], read.Select(a => a.Outcome));
    }

    [StoreFact]
    public async Task AppendAttempt_SameTaskTwice_KeepsBoth()
    {
        var store = await OpenAsync();
        var attempt = StateSamples.Attempt(StateSamples.At);

        await store.AppendAttemptAsync(attempt, CancellationToken.None);
        await store.AppendAttemptAsync(attempt, CancellationToken.None);

        Assert.Equal(2, (await store.ReadAttemptsAsync(10, CancellationToken.None)).Count);
    }

    [StoreFact]
    public async Task AppendAttempt_EveryOutcome_RoundTrips()
    {
        var store = await OpenAsync();
        var outcomes = Enum.GetValues<ApplyOutcome>();
        for (var i = 0; i < outcomes.Length; i++)
        {
            await store.AppendAttemptAsync(StateSamples.Attempt(StateSamples.At.AddSeconds(i), outcomes[i]), CancellationToken.None);
        }

        var read = await store.ReadAttemptsAsync(100, CancellationToken.None);

        Assert.Equal(outcomes.Reverse(), read.Select(a => a.Outcome));
    }

    [StoreFact]
    public async Task ReadAttempts_ForOneTask_ReturnsOnlyItsAttemptsNewestFirst()
    {
        var store = await OpenAsync();
        await store.AppendAttemptAsync(StateSamples.Attempt(StateSamples.At, ApplyOutcome.Blocked), CancellationToken.None);
        await store.AppendAttemptAsync(StateSamples.Attempt(StateSamples.At.AddMinutes(1), taskId: "other"), CancellationToken.None);
        await store.AppendAttemptAsync(StateSamples.Attempt(StateSamples.At.AddMinutes(2), ApplyOutcome.Failed), CancellationToken.None);

        var read = await TaskAttemptsAsync(store, StateSamples.Identity, 10);

        Assert.Equal([ApplyOutcome.Failed, ApplyOutcome.Blocked], read.Select(a => a.Outcome));
        Assert.All(read, a => Assert.Equal(StateSamples.Identity, a.Identity));
    }

    [StoreFact]
    public async Task Attempts_RewritingHistory_IsRefusedByTheDatabase()
    {
        var store = await OpenAsync();
        await store.AppendAttemptAsync(StateSamples.Attempt(StateSamples.At), CancellationToken.None);

        foreach (var sql in new[] { "UPDATE attempts SET outcome = 'failed';", "DELETE FROM attempts;" })
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(() => Backing.ScalarAsync(sql));
            Assert.IsType(Backing.DatabaseError, error);
            Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        }
    }

    [StoreFact]
    public async Task RecordRun_ThenRead_RoundTripsNewestFirst()
    {
        var store = await OpenAsync();
        var older = new RunRecord(
            StateSamples.At,
            TimeSpan.FromMilliseconds(4_321),
            "9fceb02d0ae598e95dc970b74767f19372d61af8",
            RunTrigger.Poll,
            Applied: true,
            new RunOutcomes(Applied: 2, Blocked: 1, Unchanged: 9),
            Error: null);
        var newer = new RunRecord(
            StateSamples.At.AddMinutes(5),
            TimeSpan.FromSeconds(2),
            Revision: null,
            RunTrigger.Resync,
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

    [StoreFact]
    public async Task ReadRuns_Limit_KeepsTheNewest()
    {
        var store = await OpenAsync();
        for (var i = 0; i < 3; i++)
        {
            await store.RecordRunAsync(
                new RunRecord(StateSamples.At.AddHours(i), TimeSpan.Zero, null, RunTrigger.Cli, true, RunOutcomes.None, null),
                CancellationToken.None);
        }

        var read = await store.ReadRunsAsync(1, CancellationToken.None);

        Assert.Equal(StateSamples.At.AddHours(2), Assert.Single(read).StartedAt);
    }

    // The outcome counts are a typed record: record equality compares every count.
    [StoreFact]
    public async Task RecordRun_WithAudit_KeepsPullRequestMergerAndApprovers()
    {
        var store = await OpenAsync();
        var audit = new RunAudit(26, "bob", ["lead-alice", "carol"]);
        await store.RecordRunAsync(new RunRecord(StateSamples.At, TimeSpan.Zero, "rev", RunTrigger.Webhook, true, RunOutcomes.None, null) { Audit = audit }, CancellationToken.None);
        await store.RecordRunAsync(new RunRecord(StateSamples.At.AddMinutes(1), TimeSpan.Zero, "rev2", RunTrigger.Poll, true, RunOutcomes.None, null) { Audit = RunAudit.DirectPush }, CancellationToken.None);

        var read = await store.ReadRunsAsync(10, CancellationToken.None);

        Assert.Equal((26, "bob", "lead-alice,carol"), (read[1].Audit!.PullRequest, read[1].Audit!.MergedBy, string.Join(',', read[1].Audit!.ApprovedBy)));
        Assert.Equal((null, null, 0), (read[0].Audit!.PullRequest, read[0].Audit!.MergedBy, read[0].Audit!.ApprovedBy.Count));
        Assert.Equal(RunTrigger.Webhook, read[1].Trigger);
    }

    private static void AssertRun(RunRecord expected, RunRecord actual) => Assert.Equal(expected, actual);
}

public sealed class SqliteHistoryTests : HistoryContract<SqliteBacking>;

public sealed class PostgresHistoryTests : HistoryContract<PostgresBacking>;
