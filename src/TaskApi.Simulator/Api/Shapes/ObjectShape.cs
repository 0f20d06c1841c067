using System.Text.Json;

namespace TaskApi.Simulator.Api.Shapes;

/// <summary>
/// A JSON object with the fields the document names. Fields it does not name are accepted and not checked: the document is
/// visibly incomplete, and a platform that ignores unknown keys is the safer assumption for a simulator.
/// </summary>
internal sealed record ObjectShape(IReadOnlyList<Field> Fields) : Shape
{
    public ObjectShape(params Field[] fields)
        : this((IReadOnlyList<Field>)fields)
    {
    }

    public override string TypeWord => "对象";

    public override string? Check(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return WrongType(path);
        }

        var prefix = path.Length == 0 ? "" : path + ".";
        foreach (var field in Fields)
        {
            var at = prefix + field.Name;
            if (!value.TryGetProperty(field.Name, out var sent))
            {
                if (field.Presence == Presence.Required)
                {
                    return $"{at} {field.MissingWords}";
                }

                continue;
            }

            if (IsBlank(sent) && field.Presence != Presence.Optional)
            {
                return field.Presence == Presence.FilledWhenSent ? $"{at} 传了则必填" : $"{at} {field.MissingWords}";
            }

            if ((sent.ValueKind == JsonValueKind.Null ? $"{at} 必须是{field.Shape.TypeWord}" : field.Shape.Check(sent, at)) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static bool IsBlank(JsonElement value) =>
        value.ValueKind == JsonValueKind.Null || (value.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetString()));
}
