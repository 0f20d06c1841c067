using System.Globalization;
using System.Text.Json;
using Reconciler.Core.Planning;

namespace Reconciler.TaskApi.Http;

/// <summary>
/// Reads one page of a task list answer in the shape the vendor documents (pages 2.0 任务列表 and
/// 2.0任务列表(所有子账号), kept in docs/api/task-list-and-detail.md): <c>data</c> is an array of tasks whose id is
/// <c>uuid</c>, beside <c>meta{has_pages, total, last_page, current_page, per_page}</c>. Numbers in <c>meta</c> may
/// be digit strings (the example's <c>per_page</c> is <c>"1"</c>). An answer without <c>meta</c> is still read (the
/// older list page shows none); an answer whose <c>data</c> is not such an array is refused with what was found.
/// </summary>
internal static class TaskListReader
{
    public static TaskListPage Read(string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return TaskListPage.Refused("the answer is not JSON");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("data", out var data))
            {
                return TaskListPage.Refused("the answer has no data");
            }

            if (data.ValueKind != JsonValueKind.Array)
            {
                return TaskListPage.Refused($"data is {Kind(data)}, not the documented array of tasks");
            }

            var tasks = new List<ListedTask>();
            var index = 0;
            foreach (var item in data.EnumerateArray())
            {
                if (Id(item) is not { } id)
                {
                    return TaskListPage.Refused($"data[{index}] has no uuid (the documented task id)");
                }

                tasks.Add(new ListedTask(id, item.TryGetProperty("user_id", out var owner) && owner.ValueKind == JsonValueKind.String ? owner.GetString() : null));
                index++;
            }

            return new TaskListPage(tasks, root.TryGetProperty("meta", out var meta) && meta.ValueKind == JsonValueKind.Object ? ReadMeta(meta) : null, null);
        }
    }

    private static string? Id(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("uuid", out var uuid))
        {
            return null;
        }

        var text = uuid.ValueKind switch
        {
            JsonValueKind.String => uuid.GetString(),
            JsonValueKind.Number => uuid.GetRawText(),
            _ => null,
        };
        return string.IsNullOrEmpty(text) ? null : text;
    }

    private static TaskListMeta ReadMeta(JsonElement meta) => new(
        meta.TryGetProperty("has_pages", out var hasPages) && hasPages.ValueKind is JsonValueKind.True or JsonValueKind.False ? hasPages.GetBoolean() : null,
        Number(meta, "total"),
        Number(meta, "last_page"),
        Number(meta, "current_page"),
        Number(meta, "per_page"));

    /// <summary>A number or a digit string (the vendor's example sends <c>per_page</c> as <c>"1"</c>).</summary>
    private static long? Number(JsonElement meta, string name) =>
        meta.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var n) => n,
            JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
            _ => null,
        } : null;

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.Null => "null",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "something else",
    };
}
