using System.Text.Json;

namespace TaskApi.Simulator.Api.Shapes;

/// <summary>
/// The document's <c>array</c>, with the shape of its entries when the document shows one (null: entries not checked, as
/// for <c>work_hour</c>, whose examples are only <c>[]</c>), and the limits it states ("最多配置100个", "最多10个,且不能有重复").
/// </summary>
internal sealed record ListShape(Shape? Items = null, int? MaxItems = null, string? MaxWords = null, bool Distinct = false) : Shape
{
    public override string TypeWord => "数组";

    public override string? Check(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return WrongType(path);
        }

        if (value.GetArrayLength() > MaxItems)
        {
            return $"{path} {MaxWords}";
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var at = $"{path}.{index++}";
            if (Items is not null && (item.ValueKind == JsonValueKind.Null ? WrongType(at, Items) : Items.Check(item, at)) is { } problem)
            {
                return problem;
            }

            if (Distinct && !seen.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : item.GetRawText()))
            {
                return $"{path} 不能有重复";
            }
        }

        return null;
    }

    private static string WrongType(string path, Shape items) => $"{path} 必须是{items.TypeWord}";
}
