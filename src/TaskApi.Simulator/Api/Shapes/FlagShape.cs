using System.Text.Json;

namespace TaskApi.Simulator.Api.Shapes;

/// <summary>The document's <c>bool</c>: <c>true</c>/<c>false</c>, or the numbers 1/0 its examples send (<c>"redial_enabled": 0</c>).</summary>
internal sealed record FlagShape : Shape
{
    public override string TypeWord => "布尔值";

    public override string? Check(JsonElement value, string path) =>
        value.ValueKind is JsonValueKind.True or JsonValueKind.False
        || (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) && n is 0 or 1)
            ? null
            : WrongType(path);
}
