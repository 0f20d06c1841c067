using System.Text.Json;

namespace TaskApi.Simulator.Api.Shapes;

/// <summary>The document's <c>string</c>. <paramref name="NonEmpty"/> for ids (a line id), which a blank string cannot be.</summary>
internal sealed record TextShape(bool NonEmpty = false) : Shape
{
    public override string TypeWord => NonEmpty ? "非空字符串" : "字符串";

    public override string? Check(JsonElement value, string path) =>
        value.ValueKind != JsonValueKind.String || (NonEmpty && string.IsNullOrWhiteSpace(value.GetString())) ? WrongType(path) : null;
}
