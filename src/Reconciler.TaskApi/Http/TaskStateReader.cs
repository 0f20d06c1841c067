using System.Text.Json;
using Reconciler.Core.Planning;

namespace Reconciler.TaskApi.Http;

/// <summary>
/// Reads the run state from a task detail's <c>data</c>. The shape comes from the vendor's public documentation
/// (docs/api/neighbouring-endpoints.md), not the seed: missing or extra fields are tolerated; what cannot be told is null.
/// </summary>
internal static class TaskStateReader
{
    /// <summary>Detail <c>status</c> 3 means running or waiting, 1 paused (the 2.0 任务列表 page: "1:任务暂停 3:执行中&amp;等待执行").</summary>
    private const int RunningStatus = 3;

    public static RemoteTaskState? Read(JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var status = data.TryGetProperty("status", out var s) ? ApiAnswer.ReadInt(s) : null;
        var statusText = data.TryGetProperty("status_str", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        var extra = data.TryGetProperty("new_task_extra", out var e) && e.ValueKind == JsonValueKind.Object ? e : (JsonElement?)null;
        if (status is null && extra is null)
        {
            return null;
        }

        var dialling = extra is { } x && Truthy(x, "enable") && Truthy(x, "call_status");
        var readings = new List<string>();
        if (status is { } code)
        {
            readings.Add($"status {code}");
        }

        if (extra is { } read)
        {
            readings.Add($"new_task_extra.enable {Word(Truthy(read, "enable"))}, call_status {Word(Truthy(read, "call_status"))}");
        }

        return new RemoteTaskState(status == RunningStatus || dialling, statusText, string.Join(", ", readings));
    }

    private static string Word(bool value) => value ? "true" : "false";

    private static bool Truthy(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.Number => value.TryGetInt64(out var n) && n != 0,
            JsonValueKind.String => value.GetString() is "1" or "true",
            _ => false,
        };
}
