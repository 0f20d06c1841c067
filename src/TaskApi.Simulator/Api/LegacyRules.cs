using System.Globalization;
using System.Text.Json;
using static TaskApi.Simulator.Api.JsonFields;

namespace TaskApi.Simulator.Api;

/// <summary>
/// 旧版任务2.0 only: <c>new_call_rules[].re_call_time</c>, "重呼执行时间 (时间范围10-11 13-22)". Read as two clock
/// ranges, 10:00:00 to 11:00:00 and 13:00:00 to 22:00:00, both ends included: the same reading as the reconciler's
/// rule (README, "Rules"), written separately. The document's example value is <c>10:00:00</c>; any time of day
/// .NET can parse is accepted here (the reconciler insists on HH:MM:SS).
/// </summary>
internal static class LegacyRules
{
    private static readonly (TimeOnly From, TimeOnly To)[] Ranges = [(new(10, 0), new(11, 0)), (new(13, 0), new(22, 0))];

    public static string? Check(JsonElement root)
    {
        if (!TryGet(root, "new_call_rules", out var rules) || rules.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var index = 0;
        foreach (var rule in rules.EnumerateArray())
        {
            if (TryGet(rule, "re_call_time", out var time)
                && (time.ValueKind != JsonValueKind.String
                    || !TimeOnly.TryParse(time.GetString(), CultureInfo.InvariantCulture, out var at)
                    || !Ranges.Any(r => at >= r.From && at <= r.To)))
            {
                return $"new_call_rules.{index}.re_call_time 重呼执行时间只能在 10-11 或 13-22 点之间";
            }

            if (TryGet(rule, "call_interval", out var interval) && !TryGetInteger(interval, out _))
            {
                return $"new_call_rules.{index}.call_interval 必须是整数";
            }

            if (TryGet(rule, "rule_id", out var ruleId) && !TryGetInteger(ruleId, out _))
            {
                return $"new_call_rules.{index}.rule_id 必须是整数";
            }

            index++;
        }

        return null;
    }
}
