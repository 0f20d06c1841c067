using System.Globalization;
using System.Text.Json;

namespace TaskApi.Simulator.Api.Shapes;

/// <summary>
/// <c>new_call_rules[].re_call_time</c>, "重呼执行时间 (时间范围10-11 13-22)", type <c>date</c>, example <c>10:00:00</c>: a time of
/// day read as two clock ranges, 10:00:00 to 11:00:00 and 13:00:00 to 22:00:00, both ends included (the same reading as
/// the reconciler's rule, written separately). Any time of day .NET can parse is accepted; the reconciler insists on HH:MM:SS.
/// </summary>
internal sealed record ClockRangesShape : Shape
{
    private static readonly (TimeOnly From, TimeOnly To)[] Ranges = [(new(10, 0), new(11, 0)), (new(13, 0), new(22, 0))];

    public override string TypeWord => "时间";

    public override string? Check(JsonElement value, string path) =>
        value.ValueKind == JsonValueKind.String
        && TimeOnly.TryParse(value.GetString(), CultureInfo.InvariantCulture, out var at)
        && Ranges.Any(r => at >= r.From && at <= r.To)
            ? null
            : $"{path} 重呼执行时间只能在 10-11 或 13-22 点之间";
}
