using System.Globalization;
using System.Text;

namespace Reconciler.Benchmarks;

/// <summary>
/// Writes N realistic, valid manifests into a directory, deterministically (manifest i depends on i alone):
/// both flavours, every <c>is_group_switch</c> mode (0–3) with the list it selects, Chinese text, ids above
/// 2^53 written both as bare integers and as digit strings, 1–4 lines with <c>maximumcall</c> divisible by
/// their number, holidays, windows, redial settings, sub-accounts and labels. About 2 KB each.
/// </summary>
internal static class ManifestGenerator
{
    /// <summary>2^53 + 1: the first integer a double cannot hold, so any rounding shows.</summary>
    private const long BeyondDouble = 9_007_199_254_740_993;

    private static readonly string[] Cities = ["杭州", "宁波", "温州", "绍兴", "南京", "苏州", "无锡", "常州", "上海", "广州", "深圳", "成都"];

    private static readonly string[] Purposes = ["信用卡逾期提醒", "宽带续费回访", "车险续保提醒", "满意度调查", "积分到期提醒", "5G套餐升级推荐"];

    public static void Write(string directory, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var full = Path.Combine(directory, PathOf(i));
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, Manifest(i));
        }
    }

    /// <summary>Where manifest <paramref name="i"/> lives, relative to the manifest root.</summary>
    public static string PathOf(int i) => Path.Combine("tasks", $"team-{i % 50:00}", $"task-{i:00000}.yaml");

    /// <param name="i">Which manifest (everything in it follows from this number).</param>
    /// <param name="maximumcall">Concurrency per line; the total written is this times the number of lines.</param>
    public static string Manifest(int i, int maximumcall = 4) =>
        i % 5 == 4 ? Legacy(i, maximumcall) : V2(i, maximumcall);

    private static string V2(int i, int perLine)
    {
        var lines = 1 + (i % 4);
        var mode = (i / 5) % 4;
        var text = new StringBuilder();
        Header(text, "tasks/v2", i);
        text.Append(CultureInfo.InvariantCulture, $"""
            spec:
              name: {Purposes[i % Purposes.Length]}-{Cities[i % Cities.Length]}-{i}
              remark: 第{i}号任务，由基准测试生成（中文说明）
              destination_extension: {BigId(i)}
              is_group_switch: {mode}
              maximumcall: {perLine * lines}
              dial_time_id: {1 + (i % 40)}
              background_id: {50 + (i % 7)}
              llm_intention_id: {40 + (i % 3)}
              task_extras:
                start_time: "2026-12-23 19:00:00"
                stop_time: "2027-12-25 23:59:59"
                pop_mode: {i % 3}
                line:

            """);
        for (var l = 0; l < lines; l++)
        {
            text.Append(CultureInfo.InvariantCulture, $"      - {{id: d47c3599-f166-4cd0-999c-{i:x8}{l:x4}, limit: {perLine + l}}}\n");
        }

        text.Append(mode switch
        {
            1 => $"""
                    destination_extension_list:
                      - {"{"}begin: "09:00", end: "12:00", destination_extension: {1000 + (i % 9000)}{"}"}
                      - {"{"}begin: "13:30", end: "18:00", destination_extension: "{BeyondDouble + i}"{"}"}

                """,
            2 => $"""
                    destination_extension_with_variable_list:
                      - {"{"}mode: 0, values: [{Cities[i % 12]}, {Cities[(i + 1) % 12]}, {Cities[(i + 2) % 12]}], destination_extension: {17000 + (i % 100)}, sort: 1{"}"}
                      - {"{"}mode: 1, values: ["{Cities[(i + 3) % 12]}市"], destination_extension: {BeyondDouble + (2L * i)}, sort: 2{"}"}

                """,
            3 => $"""
                    destination_extension_multi_config:
                      dial_mode: {i % 2}
                      list:
                        - {"{"}destination_extension: {16100 + (i % 50)}, sort: 1{"}"}
                        - {"{"}destination_extension: "{BeyondDouble + i}", sort: 2{"}"}

                """,
            _ => "",
        });
        text.Append(CultureInfo.InvariantCulture, $"""
                holiday:
                  - {"{"}begin: "2027-01-28 00:00", end: "2027-02-04 23:59"{"}"}  # 春节
                  - {"{"}begin: "2027-05-01 00:00", end: "2027-05-05 23:59"{"}"}  # 劳动节
                  - {"{"}start: "2027-10-01 00:00", end: "2027-10-07 23:59"{"}"}  # 国庆节
                work_hour: []
                work_week: []
                redial_enabled: 1
                redial_new_number_policy: {i % 2}
                redial_interval: {10 + (i % 50)}
                redial_max_times: {i % 4}
                redial_conditions: {"{"}da_status: [3, 4, 8]{"}"}

            """);
        return text.ToString();
    }

    private static string Legacy(int i, int perLine)
    {
        var lines = 1 + ((i / 5) % 3);
        var text = new StringBuilder();
        Header(text, "tasks/v2-legacy", i);
        text.Append(CultureInfo.InvariantCulture, $"""
            spec:
              name: 旧版回访任务-{Cities[i % Cities.Length]}-{i}
              destination_extension: {100 + (i % 900)}
              maximumcall: {perLine * lines}
              dial_time_id: 5
              background_id: {BigId(i)}
              task_extras:
                start_time: "2026-11-01 13:25:26"
                stop_time: "2027-11-01 13:25:26"
                line:

            """);
        for (var l = 0; l < lines; l++)
        {
            text.Append(CultureInfo.InvariantCulture, $"      - 29c39ec4-b292-4af9-a88b-{i:x8}{l:x4}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"""
                holiday:
                  - {"{"}begin: "2026-12-31 00:00", end: "2027-01-02 23:59"{"}"}  # 元旦
                  - {"{"}begin: "2027-01-28 00:00", end: "2027-02-04 23:59"{"}"}  # 春节
                interval_time: {i % 10}
              group_switch_rule:
                - {"{"}switch_start: "09:00", switch_end: "11:30", group_id: 311, default_group_id: 310{"}"}
                - {"{"}switch_start: "13:30", switch_end: "17:00", group_id: {BeyondDouble + i}, default_group_id: 310{"}"}
              new_call_rules:
                - {"{"}re_call_time: "10:30:00", call_interval: 60, rule_id: {15000 + i}{"}"}
                - {"{"}re_call_time: "14:00:00", call_interval: 30, rule_id: {BeyondDouble + (3L * i)}{"}"}

            """);
        return text.ToString();
    }

    private static void Header(StringBuilder text, string apiVersion, int i)
    {
        var userId = i % 2 == 0 ? "5832d184-dd53-42a0-8ace-0bf8d660f4cc" : "3d917f66-1c2b-4d7e-9a55-0e6f7c1b2a90";
        text.Append(CultureInfo.InvariantCulture, $"""
            # yaml-language-server: $schema=../../schemas/task.schema.json
            # 基准测试生成的任务清单 #{i}
            apiVersion: {apiVersion}
            kind: Task
            metadata:
              user_id: {userId}
              task_id: {i:x8}-dd54-42a0-8ace-0bf8d660f4cc

            """);
        if (i % 7 == 3)
        {
            text.Append("  sub_user_id: 5b55bcca-d653-4a58-8f9a-437fb0601f8e\n");
        }

        text.Append(CultureInfo.InvariantCulture, $$"""
              labels: {team: team-{{i % 50:00}}, city: {{Cities[i % Cities.Length]}}, product: {{Purposes[i % Purposes.Length]}}}
              annotations:
                owner: 运营{{1 + (i % 9)}}组
                ticket: OPS-{{20_000 + i}}
                note: 由基准测试生成；修改前请联系{{Cities[(i + 5) % Cities.Length]}}分公司运营负责人

            """);
    }

    /// <summary>An id above 2^53, every other time as a bare integer and as a digit string.</summary>
    private static string BigId(int i) => i % 2 == 0
        ? (BeyondDouble + i).ToString(CultureInfo.InvariantCulture)
        : $"\"{BeyondDouble + i}\"";
}
