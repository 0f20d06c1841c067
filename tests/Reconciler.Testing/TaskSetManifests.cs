namespace Reconciler.Testing;

/// <summary>A TaskSet manifest and its CSV (the tasks' ids and names), for tests of the commands and the service.</summary>
public static class TaskSetManifests
{
    public static string Set(string userId, string name = "reminders", string itemsFrom = "reminders.csv", int maximumcall = 2) => $"""
        # yaml-language-server: $schema=../../schemas/taskset.schema.json
        apiVersion: tasks/v2
        kind: TaskSet
        metadata:
          name: {name}
          user_id: {userId}
          labels: {"{"}team: collections{"}"}
        spec:
          template:
            name: 还款提醒
            destination_extension: 123
            dial_time_id: 123
            maximumcall: {maximumcall}
            task_extras:
              start_time: "2026-12-23 19:00:00"
              stop_time: "2027-12-25 23:59:59"
              pop_mode: 1
          itemsFrom: {itemsFrom}
        """;

    public static string Csv(IEnumerable<string> taskIds, Func<int, string>? name = null) =>
        "task_id,name\n" + string.Concat(taskIds.Select((id, i) => $"{id},{(name ?? (n => $"还款提醒-{n}"))(i)}\n"));
}
