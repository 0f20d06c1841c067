using System.Text.Json;
using System.Text.Json.Nodes;

namespace TaskApi.Simulator.Control;

/// <summary>What the control surface answers. Tokens are never part of any view.</summary>
internal static class ControlViews
{
    public static JsonObject Task(TaskSnapshot task) => new()
    {
        ["user_id"] = task.UserId,
        ["task_id"] = task.TaskId,
        ["sub_user_id"] = task.SubUserId,
        ["flavour"] = Name(task.Flavour),
        ["status"] = Name(task.Status),
        ["running"] = task.Running,
        ["body_text"] = task.Body,
        ["body"] = ParseOrNull(task.Body),
        ["put_count"] = task.PutCount,
        ["applied_count"] = task.AppliedCount,
        ["stop_count"] = task.StopCount,
        ["detail_count"] = task.DetailCount,
        ["updated_at"] = task.UpdatedAt,
    };

    public static JsonObject Request(RequestLogEntry entry) => new()
    {
        ["sequence"] = entry.Sequence,
        ["received_at"] = entry.ReceivedAt,
        ["method"] = entry.Method,
        ["path"] = entry.Path,
        ["operation"] = Name(entry.Operation),
        ["user_id"] = entry.UserId,
        ["task_id"] = entry.TaskId,
        ["http_status"] = entry.HttpStatus,
        ["api_code"] = entry.ApiCode,
        ["fault"] = entry.Fault is { } fault ? Name(fault) : null,
        ["duration_ms"] = Math.Round(entry.Duration.TotalMilliseconds, 1),
        ["client"] = entry.Client,
    };

    public static JsonArray Array<T>(IEnumerable<T> items, Func<T, JsonNode> view) => new(items.Select(view).ToArray());

    public static JsonNode ToNode<T>(T value) => JsonSerializer.SerializeToNode(value, ControlJson.Options)!;

    private static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    /// <summary>Parsed from the stored text, so numbers keep their exact digits.</summary>
    private static JsonNode? ParseOrNull(string? body)
    {
        if (body is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null; // an initial body_text need not be JSON; body_text still shows it
        }
    }
}
