using System.Text.Json.Nodes;

namespace Reconciler.Testing.Platform;

/// <summary>
/// The fake platform's detail: the stored PUT body, exactly, plus the detail-only fields of the vendor's 2.0 detail
/// example (docs/api/task-list-and-detail.md), with values of our own.
/// </summary>
internal static class FakePlatformDetail
{
    public static JsonObject Of(FakePlatformTask task)
    {
        var data = task.Body is null ? [] : JsonNode.Parse(task.Body) as JsonObject ?? [];
        var extras = data["task_extras"] as JsonObject ?? [];
        data["recycle_limit"] = 0;
        data["random_assignment_number"] = 0;
        data["_originate_timeout"] = 60;
        data["caller_line_id"] = null;
        data["caller_line_name"] = null;
        data["destination_extension_name"] = "话术组";
        data["status"] = 1;
        data["call_status"] = false;
        data["status_str"] = "已暂停";
        data["elasticity_task"] = false;
        data["new_task_extra"] = task.V2
            ? new JsonObject
            {
                ["name"] = data["name"]?.DeepClone(),
                ["enable"] = false,
                ["line"] = extras["line"]?.DeepClone() ?? new JsonArray(),
                ["limit"] = data["maximumcall"]?.DeepClone(),
                ["cps"] = 1,
                ["start_time"] = extras["start_time"]?.DeepClone(),
                ["stop_time"] = extras["stop_time"]?.DeepClone(),
                ["holiday"] = extras["holiday"]?.DeepClone() ?? new JsonArray(),
                ["work_week"] = new JsonArray(1, 2, 3, 4, 5, 6, 0),
                ["work_hour"] = new JsonArray(new JsonObject { ["wday"] = "-1", ["begin"] = "09:00", ["end"] = "18:00" }),
                ["destination_extension"] = data["destination_extension"]?.ToJsonString().Trim('"'),
                ["blacklist"] = "",
                ["call_status"] = false,
                ["number_count"] = 0,
                ["call_info"] = new JsonArray(),
            }
            : null;
        return data;
    }
}
