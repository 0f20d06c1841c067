using Reconciler.Core.Manifests;
using Reconciler.Core.Validation;

namespace Reconciler.Core.Tests;

/// <summary>Small valid manifests to start from; tests change one thing and look for one diagnostic.</summary>
internal static class TestManifests
{
    public const string UserId = "5832d184-dd53-42a0-8ace-0bf8d660f4cc";
    public const string TaskId = "f232d184-dd54-42a0-8ace-0bf8d660f4cc";

    /// <summary>A valid 新版 manifest. Line numbers matter to tests: maximumcall is on line 9, task_extras on 11.</summary>
    public static string V2(string taskId = TaskId, string name = "测试api接口创建-222", string extras = "", string spec = "", string metadata = "") => $"""
        apiVersion: tasks/v2
        kind: Task
        metadata:
          user_id: {UserId}
          task_id: {taskId}{metadata}
        spec:
          name: {name}
          destination_extension: 123
          maximumcall: 2
          dial_time_id: 123{spec}
          task_extras:
            start_time: "2026-12-23 19:00:00"
            stop_time: "2027-12-25 23:59:59"
            pop_mode: 1{extras}
        """;

    /// <summary>A valid 旧版 manifest.</summary>
    public static string Legacy(string taskId = TaskId, string spec = "", string extras = "") => $"""
        apiVersion: tasks/v2-legacy
        kind: Task
        metadata:
          user_id: {UserId}
          task_id: {taskId}
        spec:
          name: 旧版任务
          destination_extension: 102
          maximumcall: 1
          dial_time_id: 5{spec}
          task_extras:
            start_time: "2026-11-01 13:25:26"
            stop_time: "2027-11-01 13:25:26"{extras}
        """;

    public static FileEvaluation Evaluate(string yaml, string path = "tasks/a.yaml") =>
        new ManifestEvaluator().Evaluate(ManifestFile.FromText(path, yaml));

    public static DesiredState Desired(params (string Path, string Yaml)[] files) =>
        DesiredState.Build(files.Select(f => Evaluate(f.Yaml, f.Path)));
}
