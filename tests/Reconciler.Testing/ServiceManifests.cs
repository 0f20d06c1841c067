using Reconciler.Core.Manifests;

namespace Reconciler.Testing;

/// <summary>Valid task manifests for the simulator's tasks (新版 2.0 body, one line).</summary>
public static class ServiceManifests
{
    public static string Path(int index) => $"tasks/task-{index:00}.yaml";

    public static string Valid(TaskIdentity task, string name, int maximumCall = 2, bool suspend = false) => $"""
        apiVersion: tasks/v2
        kind: Task
        metadata:
          user_id: {task.UserId}
          task_id: {task.TaskId}
          suspend: {(suspend ? "true" : "false")}
        spec:
          name: {name}
          destination_extension: 123
          maximumcall: {maximumCall}
          dial_time_id: 123
          task_extras:
            start_time: "2026-12-23 19:00:00"
            stop_time: "2027-12-25 23:59:59"
            pop_mode: 1
            line: [{"{"}id: d47c3599-f166-4cd0-999c-f60e46814d26, limit: 2{"}"}]
        """;

    /// <summary>Broken on purpose: <c>maximumcall</c> is text, and <c>dial_time_id</c> is missing.</summary>
    public static string Invalid(TaskIdentity task) => $"""
        apiVersion: tasks/v2
        kind: Task
        metadata:
          user_id: {task.UserId}
          task_id: {task.TaskId}
        spec:
          name: 坏掉的任务
          destination_extension: 123
          maximumcall: many
          task_extras:
            start_time: "2026-12-23 19:00:00"
            stop_time: "2027-12-25 23:59:59"
            pop_mode: 1
        """;
}
