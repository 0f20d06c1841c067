using System.Text.Json.Nodes;

namespace TaskApi.Simulator.Api;

/// <summary>
/// The detail (<c>/edit</c>) and list shapes, built from the stored raw body. Values are copied as JSON
/// nodes parsed from that text, so numbers (ids beyond 2^53) and Chinese come back exactly as stored.
/// </summary>
internal static class TaskViews
{
    public static JsonObject Detail(TaskSnapshot task)
    {
        var body = ParseBody(task.Body);
        var extras = body["task_extras"] as JsonObject ?? [];
        var dialling = task.Status == SimulatedTaskStatus.Dialling;
        var data = new JsonObject
        {
            ["id"] = task.TaskId,
            ["name"] = Copy(body, "name"),
            ["maximumcall"] = Copy(body, "maximumcall"),
            ["destination_extension"] = Copy(body, "destination_extension"),
            ["caller_line_id"] = null,
            ["dial_time_id"] = Copy(body, "dial_time_id"),
            ["end_action"] = Copy(body, "end_action"),
            ["status"] = StatusCode(task.Status),
            ["status_str"] = StatusText(task.Status),
            ["call_status"] = dialling,
            ["task_extras"] = extras.DeepClone(),
        };

        // The platform nests the 2.0 run state here; a legacy task answers without it.
        data["new_task_extra"] = task.Flavour == TaskFlavour.V2
            ? new JsonObject
            {
                ["enable"] = task.Running,
                ["call_status"] = dialling,
                ["line"] = Copy(extras, "line") ?? new JsonArray(),
                ["limit"] = Copy(body, "maximumcall"),
                ["cps"] = 1,
                ["start_time"] = Copy(extras, "start_time"),
                ["stop_time"] = Copy(extras, "stop_time"),
                ["holiday"] = Copy(extras, "holiday") ?? new JsonArray(),
                ["work_week"] = Copy(extras, "work_week") ?? new JsonArray(),
                ["work_hour"] = Copy(extras, "work_hour") ?? new JsonArray(),
                ["pop_mode"] = Copy(extras, "pop_mode"),
            }
            : null;
        return data;
    }

    public static JsonObject ListItem(TaskSnapshot task)
    {
        var body = ParseBody(task.Body);
        return new JsonObject
        {
            ["id"] = task.TaskId,
            ["name"] = Copy(body, "name"),
            ["status"] = StatusCode(task.Status),
            ["status_str"] = StatusText(task.Status),
            ["maximumcall"] = Copy(body, "maximumcall"),
            ["destination_extension"] = Copy(body, "destination_extension"),
            ["dial_time_id"] = Copy(body, "dial_time_id"),
            ["sub_user_id"] = task.SubUserId,
        };
    }

    /// <summary>1 paused, 3 running or waiting (the platform's detail values).</summary>
    public static int StatusCode(SimulatedTaskStatus status) => status == SimulatedTaskStatus.Paused ? 1 : 3;

    public static string StatusText(SimulatedTaskStatus status) => status switch
    {
        SimulatedTaskStatus.Paused => "已暂停",
        SimulatedTaskStatus.Waiting => "等待执行",
        _ => "执行中",
    };

    public static string? Name(TaskSnapshot task) => ParseBody(task.Body)["name"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static JsonObject ParseBody(string? body) => body is null ? [] : JsonNode.Parse(body) as JsonObject ?? [];

    private static JsonNode? Copy(JsonObject source, string name) => source[name]?.DeepClone();
}
