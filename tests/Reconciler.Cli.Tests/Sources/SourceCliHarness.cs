using Reconciler.Cli.Tests.Support;

namespace Reconciler.Cli.Tests.Sources;

/// <summary>Small valid manifests, and the shared in-process CLI runner as a tuple.</summary>
internal static class SourceCliHarness
{
    public static async Task<(int Exit, string Out, string Error)> RunAsync(string workingDirectory, params string[] args)
    {
        var result = await InProcessCli.RunAsync(workingDirectory, null, args);
        return (result.ExitCode, result.Out, result.Error);
    }

    public static string Manifest(string taskId, int maximumcall = 2) => $"""
        apiVersion: tasks/v2
        kind: Task
        metadata:
          user_id: 5832d184-dd53-42a0-8ace-0bf8d660f4cc
          task_id: {taskId}
        spec:
          name: 任务-{taskId}
          destination_extension: 123
          maximumcall: {maximumcall}
          dial_time_id: 123
          task_extras:
            start_time: "2026-12-23 19:00:00"
            stop_time: "2027-12-25 23:59:59"
            pop_mode: 1
        """;

    public static TestDirectory TempDirectory() => new();
}
