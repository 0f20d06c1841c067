using System.Text.Json;

namespace TaskApi.Simulator.Api.Shapes;

/// <summary>
/// The document's <c>int</c>: a JSON integer, or a string of digits, because the document's own examples send int fields
/// that way (<c>"destination_extension": "215870475195883520"</c> in the 新版 table, <c>"13601"</c> in the multi config).
/// Within 64 bits (the simulator's assumption; the document states no range), so <c>4.0</c>, <c>1e1</c> and <c>1e400</c>
/// are not integers. <paramref name="Min"/>, <paramref name="Max"/> and <paramref name="Allowed"/> are only the bounds the
/// document states, with its words in <paramref name="RangeWords"/>.
/// </summary>
internal sealed record IntegerShape(long? Min = null, long? Max = null, IReadOnlyList<long>? Allowed = null, string? RangeWords = null) : Shape
{
    public override string TypeWord => "整数";

    public static IntegerShape OneOf(string words, params long[] allowed) => new(Allowed: allowed, RangeWords: words);

    public override string? Check(JsonElement value, string path)
    {
        if (!JsonFields.TryGetInteger(value, out var number))
        {
            return WrongType(path);
        }

        var outside = number < (Min ?? long.MinValue) || number > (Max ?? long.MaxValue) || (Allowed is not null && !Allowed.Contains(number));
        return outside ? $"{path} {RangeWords}" : null;
    }
}
