using System.Globalization;

namespace Reconciler.Benchmarks;

/// <summary>Writes N realistic, valid manifests (both flavours, several lines, windows, holidays) into a directory.</summary>
internal static class ManifestGenerator
{
    public static void Write(string directory, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var team = $"team-{i % 50:00}";
            Directory.CreateDirectory(Path.Combine(directory, "tasks", team));
            File.WriteAllText(Path.Combine(directory, "tasks", team, $"task-{i:00000}.yaml"), Manifest(i));
        }
    }

    public static string Manifest(int i, int maximumcall = 4)
    {
        var taskId = $"{i:x8}-dd54-42a0-8ace-0bf8d660f4cc";
        var userId = i % 2 == 0 ? "5832d184-dd53-42a0-8ace-0bf8d660f4cc" : "3d917f66-1c2b-4d7e-9a55-0e6f7c1b2a90";
        if (i % 5 == 4)
        {
            return $"""
                apiVersion: tasks/v2-legacy
                kind: Task
                metadata:
                  user_id: {userId}
                  task_id: {taskId}
                spec:
                  name: 旧版回访任务-{i}
                  destination_extension: {100 + (i % 900)}
                  maximumcall: {maximumcall}
                  dial_time_id: 5
                  task_extras:
                    start_time: "2026-11-01 13:25:26"
                    stop_time: "2027-11-01 13:25:26"
                    line: [29c39ec4-b292-4af9-a88b-922d61866a01, 29c39ec4-b292-4af9-a88b-922d61866a02]
                    holiday:
                      - {"{"}begin: "2026-12-31 00:00", end: "2027-01-02 23:59"{"}"}
                  new_call_rules:
                    - {"{"}re_call_time: "10:30:00", call_interval: 60, rule_id: {15000 + i}{"}"}
                """;
        }

        return $"""
            # yaml-language-server: $schema=../../schemas/task.schema.json
            apiVersion: tasks/v2
            kind: Task
            metadata:
              user_id: {userId}
              task_id: {taskId}
            spec:
              name: 信用卡逾期提醒-{i.ToString(CultureInfo.InvariantCulture)}
              destination_extension: {1000 + (i % 9000)}
              is_group_switch: 1
              maximumcall: {maximumcall}
              dial_time_id: 123
              task_extras:
                start_time: "2026-12-23 19:00:00"
                stop_time: "2027-12-25 23:59:59"
                pop_mode: 1
                line:
                  - {"{"}id: d47c3599-f166-4cd0-999c-f60e46814d26, limit: 4{"}"}
                  - {"{"}id: d47c3599-f166-4cd0-999c-f60e46814d27, limit: 4{"}"}
                destination_extension_list:
                  - {"{"}begin: "09:00", end: "12:00", destination_extension: 123{"}"}
                  - {"{"}begin: "13:30", end: "18:00", destination_extension: "215870475195883520"{"}"}
                holiday: []
                redial_enabled: 1
                redial_interval: 30
                redial_max_times: 2
                redial_conditions: {"{"}da_status: [3, 4, 8]{"}"}
            """;
    }
}
