using Reconciler.Core.Policies;
using Reconciler.Core.Applying;
using Reconciler.Core.Manifests;
using Reconciler.Core.Normalization;
using Reconciler.Core.Planning;
using Reconciler.Core.State;
using Xunit;

namespace Reconciler.Core.Tests.Policies;

public sealed class TaskBackoffTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private static readonly TaskIdentity Task = new("u-1", "t-1");

    [Fact]
    public void DelayAfter_DoublesFromBaseUpToMax()
    {
        var backoff = new TaskBackoff(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10));

        Assert.Equal([30, 60, 120, 240, 480, 600, 600], Enumerable.Range(1, 7).Select(n => backoff.DelayAfter(n).TotalSeconds));
    }

    [Fact]
    public void HeldBack_FailedTask_UntilItsDelayPasses()
    {
        var backoff = new TaskBackoff(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10));
        var entry = Entry("{\"name\":\"a\"}");
        backoff.Record([new TaskApplyResult(entry, ApplyOutcome.Failed, null, "503", TimeSpan.Zero)], T0);

        Assert.NotNull(backoff.HeldBack(entry, T0.AddSeconds(29)));
        Assert.Null(backoff.HeldBack(entry, T0.AddSeconds(30)));
        Assert.Equal(T0.AddSeconds(30), backoff.NextRetryAt());
    }

    [Fact]
    public void HeldBack_ChangedDesiredBody_IsTriedAtOnce()
    {
        var backoff = new TaskBackoff(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10));
        backoff.Record([new TaskApplyResult(Entry("{\"name\":\"a\"}"), ApplyOutcome.Blocked, 6007, "running", TimeSpan.Zero)], T0);

        Assert.Null(backoff.HeldBack(Entry("{\"name\":\"b\"}"), T0.AddSeconds(1)));
    }

    [Fact]
    public void HeldBack_Rejected_WaitsForAManifestChangeNotForTime()
    {
        var backoff = new TaskBackoff(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10));
        var entry = Entry("{\"name\":\"a\"}");
        backoff.Record([new TaskApplyResult(entry, ApplyOutcome.Rejected, 422, "bad", TimeSpan.Zero)], T0);

        Assert.NotNull(backoff.HeldBack(entry, T0.AddDays(30)));
        Assert.Null(backoff.NextRetryAt());
    }

    [Fact]
    public void Record_Applied_ForgetsTheTask()
    {
        var backoff = new TaskBackoff(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10));
        var entry = Entry("{\"name\":\"a\"}");
        backoff.Record([new TaskApplyResult(entry, ApplyOutcome.Failed, null, "503", TimeSpan.Zero)], T0);
        backoff.Record([new TaskApplyResult(entry, ApplyOutcome.Applied, 200, null, TimeSpan.Zero)], T0.AddMinutes(1));

        Assert.Null(backoff.Get(Task));
    }

    [Fact]
    public void Seed_FromHistory_CountsTheFailuresSinceTheLastSuccess()
    {
        var backoff = new TaskBackoff(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10));
        var hash = CanonicalBody.FromJson("{\"name\":\"a\"}").Hash;
        ApplyAttempt Attempt(int minute, ApplyOutcome outcome) => new(T0.AddMinutes(minute), "c1", Task, outcome, null, null, TimeSpan.Zero, hash);

        backoff.Seed([Attempt(10, ApplyOutcome.Blocked), Attempt(9, ApplyOutcome.Failed), Attempt(8, ApplyOutcome.Blocked), Attempt(5, ApplyOutcome.Applied), Attempt(1, ApplyOutcome.Failed)]);

        var seeded = backoff.Get(Task)!;
        Assert.Equal((3, ApplyOutcome.Blocked, T0.AddMinutes(10).AddMinutes(2)), (seeded.Failures, seeded.Outcome, seeded.RetryAt));
        Assert.NotNull(backoff.HeldBack(Entry("{\"name\":\"a\"}"), T0.AddMinutes(11)));
    }

    private static PlanEntry Entry(string body)
    {
        var canonical = CanonicalBody.FromJson(body);
        var manifest = new TaskManifest(Task, ApiFlavour.V2, "a", canonical, false, false, new Core.Diagnostics.SourceLocation("tasks/a.yaml", 1, 1), []);
        return new PlanEntry(PlanAction.Update, Task, "a", manifest.Location, [], []) { Desired = manifest };
    }
}
