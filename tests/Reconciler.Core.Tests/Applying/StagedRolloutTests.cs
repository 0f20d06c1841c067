using Reconciler.Core.Applying;
using Reconciler.Core.Applying.Rollout;
using Reconciler.Core.State;

namespace Reconciler.Core.Tests.Applying;

public sealed class StagedRolloutTests
{
    [Theory]
    [InlineData("10", null, 25, "10,10,5")]
    [InlineData("50%", "2", 10, "2,5,3")]
    [InlineData("100%", "10%", 25, "3,22")]
    [InlineData("1", null, 3, "1,1,1")]
    public void Batches_CanaryThenBatchSize_CutTheWorkInOrder(string batch, string? canary, int count, string expected)
    {
        var options = new RolloutOptions(BatchSize.TryParse(batch)!, canary is null ? null : BatchSize.TryParse(canary), TimeSpan.Zero);

        var batches = StagedRollout.Batches(Enumerable.Range(0, count).ToList(), options);

        Assert.Equal(expected, string.Join(",", batches.Select(b => b.Count)));
        Assert.Equal(Enumerable.Range(0, count), batches.SelectMany(b => b));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("0%")]
    [InlineData("101%")]
    [InlineData("ten")]
    public void TryParse_NotASize_IsNull(string text) => Assert.Null(BatchSize.TryParse(text));

    [Fact]
    public void Judge_MoreRejectedThanTheThreshold_Halts()
    {
        var options = new RolloutOptions(new BatchSize(10, false), null, TimeSpan.Zero, HaltOnRejectedPercent: 20);

        var halt = StagedRollout.Judge(Results(rejected: 3, applied: 7), 1, 2, unsent: 10, options);

        Assert.Equal(new RolloutHalt(1, 2, 10, 3, 0, "--halt-on-rejected 20%", 10), halt);
    }

    [Fact]
    public void Judge_AtTheThreshold_GoesOn() =>
        Assert.Null(StagedRollout.Judge(Results(rejected: 2, applied: 8), 1, 2, 10, new RolloutOptions(new BatchSize(10, false), null, TimeSpan.Zero, HaltOnRejectedPercent: 20)));

    [Fact]
    public void Judge_FailedOverItsThreshold_HaltsNamingIt()
    {
        var results = Results(rejected: 0, applied: 3).Append(Result(ApplyOutcome.Failed)).ToList();

        var halt = StagedRollout.Judge(results, 2, 3, 5, new RolloutOptions(new BatchSize(4, false), null, TimeSpan.Zero, HaltOnFailedPercent: 10));

        Assert.Equal("--halt-on-failed 10%", halt!.Threshold);
    }

    [Fact]
    public void Judge_LastBatch_NeverHalts() =>
        Assert.Null(StagedRollout.Judge(Results(rejected: 5, applied: 0), 2, 2, 0, new RolloutOptions(new BatchSize(5, false), null, TimeSpan.Zero)));

    private static List<TaskApplyResult> Results(int rejected, int applied) =>
        [.. Enumerable.Repeat(ApplyOutcome.Rejected, rejected).Concat(Enumerable.Repeat(ApplyOutcome.Applied, applied)).Select(Result)];

    private static TaskApplyResult Result(ApplyOutcome outcome) => new(ApplyPlans.Adopt(1).Entries[0], outcome, null, null, TimeSpan.Zero);
}
