using System.Text.Json;

namespace Reconciler.TaskApi.Http;

/// <summary>
/// Reads task ids from a list answer's <c>data</c>: an array of objects with <c>id</c> (number or string), or an
/// object holding such an array under <c>list</c>, <c>items</c> or <c>data</c> (the list shape is not in the API
/// document; these are the shapes the vendor's list endpoints use). Null when none of them is there.
/// </summary>
internal static class TaskListReader
{
    public static IReadOnlyList<string>? Ids(JsonElement data)
    {
        var items = data.ValueKind == JsonValueKind.Array ? data : Nested(data);
        if (items is not { ValueKind: JsonValueKind.Array } array)
        {
            return null;
        }

        var ids = new List<string>();
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var id))
            {
                var text = id.ValueKind switch
                {
                    JsonValueKind.String => id.GetString(),
                    JsonValueKind.Number => id.GetRawText(),
                    _ => null,
                };
                if (!string.IsNullOrEmpty(text))
                {
                    ids.Add(text);
                }
            }
        }

        return ids;
    }

    private static JsonElement? Nested(JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var name in new[] { "list", "items", "data" })
        {
            if (data.TryGetProperty(name, out var inner) && inner.ValueKind == JsonValueKind.Array)
            {
                return inner;
            }
        }

        return null;
    }
}
