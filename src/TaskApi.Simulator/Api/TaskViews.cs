using System.Globalization;
using System.Text.Json.Nodes;

namespace TaskApi.Simulator.Api;

/// <summary>
/// The detail (<c>/edit</c>) and list shapes, built from the stored raw body, as the vendor's pages show them
/// (docs/api/task-list-and-detail.md). Values are copied as JSON nodes parsed from that text, so numbers (ids beyond
/// 2^53) and Chinese come back exactly as stored.
/// </summary>
internal static class TaskViews
{
    /// <summary>Body fields the vendor's 2.0 detail example shows as <c>null</c> when the task has none.</summary>
    private static readonly string[] NullWhenUnset = ["remark", "bridge_group_id", "background_id"];

    /// <summary>
    /// Every field of the stored body under its own name (the account's <c>sub_user_id</c> aside), the example's unset
    /// fields as <c>null</c>, and the detail-only fields: the run state and, for a 新版 task, the remote task.
    /// </summary>
    public static JsonObject Detail(TaskSnapshot task)
    {
        var body = ParseBody(task.Body);
        var extras = body["task_extras"] as JsonObject ?? [];
        var dialling = task.Status == SimulatedTaskStatus.Dialling;
        var data = new JsonObject();
        foreach (var (name, value) in body.Where(p => p.Key is not "sub_user_id"))
        {
            data[name] = value?.DeepClone();
        }

        foreach (var name in NullWhenUnset.Where(n => !data.ContainsKey(n)))
        {
            data[name] = null;
        }

        data["caller_line_id"] = null;
        data["status"] = StatusCode(task.Status);
        data["status_str"] = StatusText(task.Status);
        data["call_status"] = dialling;
        data["task_extras"] = extras.DeepClone();

        // The platform nests the 2.0 run state (the remote task) here; a legacy task answers without it.
        data["new_task_extra"] = task.Flavour == TaskFlavour.V2
            ? new JsonObject
            {
                ["name"] = Copy(body, "name"),
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

    /// <summary>A list item: the task's id is <c>uuid</c>; <c>user_id</c> is the account that owns it (the sub-account's for its tasks).</summary>
    public static JsonObject ListItem(TaskSnapshot task)
    {
        var body = ParseBody(task.Body);
        return new JsonObject
        {
            ["uuid"] = task.TaskId,
            ["name"] = Copy(body, "name"),
            ["enable"] = task.Running,
            ["status"] = StatusCode(task.Status),
            ["status_str"] = StatusText(task.Status),
            ["maximumcall"] = Copy(body, "maximumcall"),
            ["dial_time_id"] = Copy(body, "dial_time_id"),
            ["destination_extension"] = Copy(body, "destination_extension"),
            ["remark"] = Copy(body, "remark"),
            ["user_id"] = task.SubUserId ?? task.UserId,
        };
    }

    /// <summary>The documented <c>meta</c>: <c>has_pages</c> (more than one page), <c>total</c>, <c>last_page</c>, <c>current_page</c>, and <c>per_page</c> as a string, as in the example.</summary>
    public static JsonObject ListMeta(int page, int perPage, int total)
    {
        var lastPage = Math.Max(1, (total + perPage - 1) / perPage);
        return new JsonObject
        {
            ["has_pages"] = lastPage > 1,
            ["total"] = total,
            ["last_page"] = lastPage,
            ["current_page"] = page,
            ["per_page"] = perPage.ToString(CultureInfo.InvariantCulture),
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
