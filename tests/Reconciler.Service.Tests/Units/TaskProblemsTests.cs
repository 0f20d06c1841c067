using Reconciler.Core.Planning;
using Reconciler.Core.Tasks;
using Reconciler.Service.Status;
using Xunit;

namespace Reconciler.Service.Tests.Units;

/// <summary>Problems first, by the state's rank and the flags: the order of the page, <c>reconciler status</c> and <c>?order=problems</c>.</summary>
public sealed class TaskProblemsTests
{
    [Fact]
    public void Order_BlockedThenRefusalsThenInvalidThenFlagsThenWaitingThenFine()
    {
        TaskStanding[] tasks =
        [
            Task("a", TaskState.InSync), Task("b", TaskState.HeldBack), Task("c", TaskState.Rejected), Task("d", TaskState.InSync) with { DriftFields = ["name"] },
            Task("e", TaskState.Blocked), Task("f", TaskState.Invalid), Task("g", TaskState.HeldBack) with { InDoubt = true }, Task("h", TaskState.Suspended),
        ];

        Assert.Equal(["e", "c", "f", "g", "d", "b", "a", "h"], TaskProblems.Order(tasks).Select(t => t.TaskId));
        Assert.Equal(["b", "c", "d", "e", "f", "g"], tasks.Where(TaskProblems.IsProblem).Select(t => t.TaskId).Order());
    }

    private static TaskStanding Task(string id, TaskState state) =>
        new("u", id, "任务 " + id, $"tasks/{id}.yaml", PlanAction.Update, state, null, null, 0, null, null, []);
}
