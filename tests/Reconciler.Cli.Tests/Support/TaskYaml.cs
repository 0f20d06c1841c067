using Reconciler.Core.Manifests;

namespace Reconciler.Cli.Tests.Support;

/// <summary>
/// Manifests whose <c>spec</c> is JSON text: JSON is YAML flow syntax, so the body is written verbatim and
/// numbers beyond 2^53 and Chinese text reach the loader exactly as in the JSON.
/// </summary>
internal static class TaskYaml
{
    public static string Manifest(TaskIdentity identity, string specJson, string apiVersion = ApiFlavours.V2ApiVersion, string metadata = "") =>
        $"""
        apiVersion: {apiVersion}
        kind: Task
        metadata:
          user_id: {identity.UserId}
          task_id: {identity.TaskId}{metadata}
        spec: {OneLine(specJson)}

        """;

    /// <summary>The JSON with its line breaks turned into spaces (no string in these bodies holds a line break).</summary>
    public static string OneLine(string json) => json.Replace("\r", "", StringComparison.Ordinal).Replace('\n', ' ');
}
