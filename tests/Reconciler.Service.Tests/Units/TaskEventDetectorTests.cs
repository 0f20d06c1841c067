using Reconciler.Core.Planning;
using Reconciler.Core.Tasks;
using Reconciler.Service.Notifications;
using Reconciler.Service.Status;
using Xunit;

namespace Reconciler.Service.Tests.Units;

/// <summary>Events come from consecutive runs: new problems and recoveries only, never a repeat.</summary>
public sealed class TaskEventDetectorTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Next_ProblemThenWaitingThenSuccess_IsOneProblemAndOneRecovery()
    {
        var detector = new TaskEventDetector();

        var first = detector.Next([Task("a", TaskState.Blocked), Task("b", TaskState.Applied)], "repo", "r1", At);
        var second = detector.Next([Task("a", TaskState.HeldBack), Task("b", TaskState.InSync)], "repo", "r1", At);
        var third = detector.Next([Task("a", TaskState.Applied), Task("b", TaskState.InSync)], "repo", "r1", At);

        Assert.Equal(TaskEventKind.Blocked, Assert.Single(first).Kind);
        Assert.Empty(second);
        var recovered = Assert.Single(third);
        Assert.Equal((TaskEventKind.Recovered, TaskEventKind.Blocked, "a"), (recovered.Kind, recovered.Previous, recovered.Task.TaskId));
    }

    [Theory]
    [InlineData(TaskState.Failed, TaskEventKind.Failed)]
    [InlineData(TaskState.Rejected, TaskEventKind.Failed)]
    [InlineData(TaskState.Unauthorized, TaskEventKind.Failed)]
    public void Next_FailureStates_AreFailed(TaskState state, TaskEventKind kind) =>
        Assert.Equal(kind, Assert.Single(new TaskEventDetector().Next([Task("a", state)], "repo", "r1", At)).Kind);

    [Fact]
    public void Next_BlockedThenFailed_IsANewProblem()
    {
        var detector = new TaskEventDetector();
        detector.Next([Task("a", TaskState.Blocked)], "repo", "r1", At);

        var next = Assert.Single(detector.Next([Task("a", TaskState.Failed)], "repo", "r1", At));

        Assert.Equal((TaskEventKind.Failed, TaskEventKind.Blocked), (next.Kind, next.Previous));
    }

    [Fact]
    public void Next_LeftStopped_IsReportedOnceAndNeverAsRecovered()
    {
        var detector = new TaskEventDetector();

        var stopped = detector.Next([Task("a", TaskState.Applied) with { LeftStopped = true }], "repo", "r1", At);
        var still = detector.Next([Task("a", TaskState.InSync) with { LeftStopped = true }], "repo", "r1", At);
        var sentAgain = detector.Next([Task("a", TaskState.Applied)], "repo", "r2", At);

        Assert.Equal(TaskEventKind.LeftStopped, Assert.Single(stopped).Kind);
        Assert.Empty(still);
        Assert.Empty(sentAgain);
    }

    [Fact]
    public void Next_InDoubtWithoutAnAnswerYet_IsInDoubt() =>
        Assert.Equal(TaskEventKind.InDoubt, Assert.Single(new TaskEventDetector().Next([Task("a", TaskState.Pending) with { InDoubt = true }], "repo", "r1", At)).Kind);

    [Fact]
    public void Next_TaskGoneFromThePlan_IsForgottenSilently()
    {
        var detector = new TaskEventDetector();
        detector.Next([Task("a", TaskState.Failed)], "repo", "r1", At);

        Assert.Empty(detector.Next([], "repo", "r2", At));
        Assert.Single(detector.Next([Task("a", TaskState.Failed)], "repo", "r3", At));
    }

    [Fact]
    public void Next_AppliedButReadBackOtherwise_IsUnverifiedUntilAnApplyReadsBackAsSent()
    {
        var detector = new TaskEventDetector();

        var first = detector.Next([Task("a", TaskState.Applied) with { UnverifiedFields = ["name"] }], "repo", "r1", At);
        var resync = detector.Next([Task("a", TaskState.InSync)], "repo", "r1", At);
        var again = detector.Next([Task("a", TaskState.Applied)], "repo", "r2", At);

        Assert.Equal(TaskEventKind.Unverified, Assert.Single(first).Kind);
        Assert.Equal("unverified", NotificationPayload.Word(first[0].Kind));
        Assert.Contains("name", NotificationText.Facts(first[0]).Select(f => f.Value).Aggregate((a, b) => a + b), StringComparison.Ordinal);
        Assert.Empty(resync);
        Assert.Equal((TaskEventKind.Recovered, TaskEventKind.Unverified), (Assert.Single(again).Kind, again[0].Previous));
    }

    [Fact]
    public void Next_PolicyBlockedThenApplied_IsOneProblemAndOneRecovery()
    {
        var detector = new TaskEventDetector();

        var blocked = detector.Next([Task("a", TaskState.PolicyBlocked)], "repo", "r1", At);
        var resync = detector.Next([Task("a", TaskState.PolicyBlocked)], "repo", "r1", At);
        var approved = detector.Next([Task("a", TaskState.Applied)], "repo", "r2", At);

        Assert.Equal(TaskEventKind.PolicyBlocked, Assert.Single(blocked).Kind);
        Assert.Equal("policy_blocked", NotificationPayload.Word(blocked[0].Kind));
        Assert.Contains("仓库策略", NotificationText.Title(blocked[0]), StringComparison.Ordinal);
        Assert.Empty(resync);
        Assert.Equal((TaskEventKind.Recovered, TaskEventKind.PolicyBlocked), (Assert.Single(approved).Kind, approved[0].Previous));
    }

    private static TaskStanding Task(string id, TaskState state) =>
        new("u", id, "任务 " + id, $"tasks/{id}.yaml", PlanAction.Update, state, state == TaskState.Blocked ? 6007 : null, null, 0, null, null, []);
}
