using System.Globalization;
using System.Text;
using Reconciler.Core.Validation;
using Reconciler.Files;

namespace Reconciler.Benchmarks.SideBySide;

/// <summary>
/// One TaskSet of N CSV items (<c>set/</c>) and the same N tasks written out as plain manifests (<c>plain/</c>),
/// made once and checked to expand to exactly the same identities and canonical bodies: what the issue's
/// "10,000 CSV items cost at most 1.2× 10,000 equivalent plain manifests" compares. The template is a realistic
/// 新版 body (time windows, redial rules, holidays); each item sets its name, account, script group, call time
/// group, start time, and 1–4 lines with a maximumcall divisible by them.
/// </summary>
internal sealed class TaskSetCorpus
{
    private const string Version = "taskset-corpus-v1";
    private const string UserId = "3d917f66-a99e-4a62-a0c4-9f5ef7036ab7";

    private static readonly string[] Cities = ["杭州", "宁波", "温州", "绍兴", "南京", "苏州", "无锡", "常州", "上海", "广州", "深圳", "成都"];

    private TaskSetCorpus(string root, int count)
    {
        Root = root;
        Count = count;
    }

    public string Root { get; }

    public int Count { get; }

    public string SetDirectory => Path.Combine(Root, "set");

    public string PlainDirectory => Path.Combine(Root, "plain");

    public static async Task<TaskSetCorpus> EnsureAsync(string workDirectory, int count)
    {
        var corpus = new TaskSetCorpus(Path.Combine(workDirectory, "taskset-" + count.ToString(CultureInfo.InvariantCulture)), count);
        await GeneratedDirectory.EnsureAsync(corpus.Root, Version, () =>
        {
            Console.Error.WriteLine($"generating a set of {count:N0} CSV items and the same {count:N0} tasks as plain manifests in {corpus.Root} ...");
            Write(Path.Combine(corpus.SetDirectory, "tasks", "reminders.yaml"), Set());
            Write(Path.Combine(corpus.SetDirectory, "tasks", "reminders.csv"), Csv(count));
            for (var i = 0; i < count; i++)
            {
                Write(Path.Combine(corpus.PlainDirectory, "tasks", $"team-{i % 50:00}", $"task-{i:00000}.yaml"), Plain(i));
            }

            CheckEquivalent(corpus);
            return Task.CompletedTask;
        });
        return corpus;
    }

    /// <summary>The set must expand to the plain manifests' tasks, body for body, or the comparison means nothing.</summary>
    private static void CheckEquivalent(TaskSetCorpus corpus)
    {
        var set = new ManifestPipeline().Evaluate(new DirectorySource(corpus.SetDirectory).Read());
        var plain = new ManifestPipeline().Evaluate(new DirectorySource(corpus.PlainDirectory).Read());
        if (set.Invalid.Count > 0 || plain.Invalid.Count > 0 || set.Tasks.Count != corpus.Count || plain.Tasks.Count != corpus.Count)
        {
            var first = set.Invalid.Concat(plain.Invalid).SelectMany(i => i.Diagnostics).FirstOrDefault();
            throw new InvalidOperationException($"the generated set and plain manifests must all be valid; first problem: {first}");
        }

        var bodies = plain.Tasks.ToDictionary(t => t.Identity, t => t.Body.Hash);
        if (set.Tasks.Any(t => bodies.GetValueOrDefault(t.Identity) != t.Body.Hash))
        {
            throw new InvalidOperationException("the set does not expand to the plain manifests' bodies");
        }
    }

    private static string Set() => $"""
        # yaml-language-server: $schema=../../schemas/taskset.schema.json
        apiVersion: tasks/v2
        kind: TaskSet
        metadata:
          name: reminders
          user_id: {UserId}
          labels: {"{"}team: collections{"}"}
        spec:
          template:
        {Indent(TemplateBody(), 4)}
          itemsFrom: reminders.csv

        """;

    private static string Csv(int count)
    {
        var csv = new StringBuilder("task_id,sub_user_id,name,destination_extension,dial_time_id,maximumcall,task_extras.start_time,task_extras.line\n");
        for (var i = 0; i < count; i++)
        {
            var lines = "[" + string.Join(", ", Lines(i).Select(l => $"{{\"\"id\"\": \"\"{l.Id}\"\", \"\"limit\"\": {l.Limit}}}")) + "]";
            csv.Append(CultureInfo.InvariantCulture, $"{TaskId(i)},{SubUser(i)},\"{Name(i)}\",{Script(i)},{1 + (i % 40)},{Maximum(i)},{Start(i)},\"{lines}\"\n");
        }

        return csv.ToString();
    }

    private static string Plain(int i)
    {
        var subUser = SubUser(i) is { Length: > 0 } s ? $"\n  sub_user_id: {s}" : "";
        var lines = string.Concat(Lines(i).Select(l => $"\n      - {{id: {l.Id}, limit: {l.Limit}}}"));
        var body = TemplateBody()
            .Replace("name: 还款提醒", $"name: \"{Name(i)}\"", StringComparison.Ordinal)
            .Replace("destination_extension: 100", $"destination_extension: {Script(i)}", StringComparison.Ordinal)
            .Replace("dial_time_id: 1", $"dial_time_id: {1 + (i % 40)}", StringComparison.Ordinal)
            .Replace("maximumcall: 1", $"maximumcall: {Maximum(i)}", StringComparison.Ordinal)
            .Replace("start_time: \"2026-12-01 09:00:00\"", $"start_time: \"{Start(i)}\"", StringComparison.Ordinal)
            .Replace("line: []", "line:" + lines, StringComparison.Ordinal);
        return $"""
            apiVersion: tasks/v2
            kind: Task
            metadata:
              user_id: {UserId}
              task_id: {TaskId(i)}{subUser}
              labels: {"{"}team: collections{"}"}
            spec:
            {Indent(body, 2)}

            """;
    }

    /// <summary>The fields every task shares (name, script group, call time group, maximumcall, start time and lines are the items').</summary>
    private static string TemplateBody() => """
        name: 还款提醒
        remark: 由基准测试生成的集合任务（中文说明）
        destination_extension: 100
        is_group_switch: 1
        maximumcall: 1
        dial_time_id: 1
        background_id: 52
        llm_intention_id: 41
        task_extras:
          start_time: "2026-12-01 09:00:00"
          stop_time: "2027-12-25 23:59:59"
          pop_mode: 1
          line: []
          destination_extension_list:
            - {begin: "09:00", end: "12:00", destination_extension: 1200}
            - {begin: "13:30", end: "18:00", destination_extension: "9007199254740993"}
          holiday:
            - {begin: "2027-01-28 00:00", end: "2027-02-04 23:59"}
          redial_enabled: 1
          redial_interval: 30
          redial_max_times: 2
          redial_conditions: {da_status: [3, 4, 8]}
        """;

    private static string TaskId(int i) => $"c0ffee00-0000-4000-8000-{i:x12}";

    private static string SubUser(int i) => i % 3 == 0 ? $"5b55bcca-d653-4a58-8f9a-{i:x12}" : "";

    private static string Name(int i) => $"还款提醒-{Cities[i % Cities.Length]}-{i}";

    private static long Script(int i) => 10_000 + (i % 500);

    private static int Maximum(int i) => 6 * Lines(i).Count;

    private static string Start(int i) => $"2026-12-{1 + (i % 28):00} 09:00:00";

    private static List<(string Id, int Limit)> Lines(int i) =>
        Enumerable.Range(0, 1 + (i % 4)).Select(l => ($"d47c3599-f166-4cd0-999c-{i:x8}{l:x4}", 6 + l)).ToList();

    private static string Indent(string text, int spaces) =>
        string.Join('\n', text.TrimEnd('\n').Split('\n').Select(line => new string(' ', spaces) + line));

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
