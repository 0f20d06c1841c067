namespace Reconciler.Cli.Tests.PullRequests;

/// <summary>
/// Manifests for pull-request tests. Line numbers are part of the contract the tests check (annotations
/// point at them): keep them stable.
/// </summary>
internal static class PrManifests
{
    public const string UserId = "5832d184-dd53-42a0-8ace-0bf8d660f4cc";

    public static string TaskId(int n) => $"0badc0de-0000-4000-8000-{n:000000000000}";

    /// <summary>A valid 新版 task; <c>maximumcall</c> is on line 9.</summary>
    public static string Valid(int n, string name, int maximumcall = 2) => $"""
        apiVersion: tasks/v2
        kind: Task
        metadata:
          user_id: {UserId}
          task_id: {TaskId(n)}
        spec:
          name: {name}
          destination_extension: 123
          maximumcall: {maximumcall}
          dial_time_id: 12
          task_extras:
            start_time: "2026-12-23 19:00:00"
            stop_time: "2027-12-25 23:59:59"
            pop_mode: 1
        """;

    /// <summary>Two errors: maximumcall 3 over 2 lines (line 9, column 16) and redial_interval 90 (line 15, column 22).</summary>
    public static string Invalid(int n, string name = "坏任务-逾期提醒") => $"""
        apiVersion: tasks/v2
        kind: Task
        metadata:
          user_id: {UserId}
          task_id: {TaskId(n)}
        spec:
          name: {name}
          destination_extension: 123
          maximumcall: 3
          dial_time_id: 12
          task_extras:
            start_time: "2026-12-23 19:00:00"
            stop_time: "2027-12-25 23:59:59"
            pop_mode: 1
            redial_interval: 90
            line:
              - {"{"} id: d47c3599-f166-4cd0-999c-f60e46814d26, limit: 4 {"}"}
              - {"{"} id: d47c3599-f166-4cd0-999c-f60e46814d27, limit: 4 {"}"}
        """;

    public const string MaximumCallError = "maximumcall 3 must divide evenly by the number of lines (2): each line gets maximumcall / lines (/spec/maximumcall)";

    public const string RedialError = "must be at most 60 (/spec/task_extras/redial_interval)";

    /// <summary>Valid, with one warning: is_group_switch 1 (by time) without its time windows (line 8, column 20).</summary>
    public static string WithWarning(int n, string name = "满意度调查-售后") => $"""
        apiVersion: tasks/v2
        kind: Task
        metadata:
          user_id: {UserId}
          task_id: {TaskId(n)}
        spec:
          name: {name}
          is_group_switch: 1
          destination_extension: 123
          maximumcall: 2
          dial_time_id: 12
          task_extras:
            start_time: "2026-12-23 19:00:00"
            stop_time: "2027-12-25 23:59:59"
            pop_mode: 1
        """;

    public const string GroupSwitchWarning = "is_group_switch 1 (按时间配置) without task_extras.destination_extension_list: no time window is configured, and the API document does not say which script group is used then (/spec/is_group_switch)";
}
