using Reconciler.Cli.Tests.Support;
using Reconciler.Core.Manifests;
using Reconciler.Testing;

namespace Reconciler.Cli.Tests.TaskSets;

/// <summary>A workspace's set <c>reminders</c>: tasks created in the simulator, one CSV row each.</summary>
internal static class SetWorkspace
{
    /// <summary>Creates <paramref name="count"/> tasks and writes the set and its CSV (<see cref="TaskSetManifests"/>).</summary>
    public static List<TaskIdentity> Create(ApplyWorkspace work, int count)
    {
        var tasks = Enumerable.Range(0, count).Select(_ => work.Simulator.CreateTask(work.Account)).ToList();
        work.WriteFile("manifests/tasks/reminders.yaml", TaskSetManifests.Set(work.Account.UserId));
        WriteCsv(work, TaskSetManifests.Csv(tasks.Select(t => t.TaskId)));
        return tasks;
    }

    public static void WriteCsv(ApplyWorkspace work, string csv) => work.WriteFile("manifests/tasks/reminders.csv", csv);
}
