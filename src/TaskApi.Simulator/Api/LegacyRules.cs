using System.Globalization;
using System.Text.Json;
using static TaskApi.Simulator.Api.JsonFields;

namespace TaskApi.Simulator.Api;

/// <summary>旧版任务2.0 only: <c>new_call_rules[].re_call_time</c> within 10–11 or 13–22 o'clock.</summary>
internal static class LegacyRules
{
    public static string? Check(JsonElement root)
    {
        if (!TryGet(root, "new_call_rules", out var rules) || rules.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var index = 0;
        foreach (var rule in rules.EnumerateArray())
        {
            // The document says "时间范围10-11 13-22"; read leniently as the whole hours 10, 11 and 13..22.
            if (TryGet(rule, "re_call_time", out var time)
                && (time.ValueKind != JsonValueKind.String
                    || !TimeOnly.TryParse(time.GetString(), CultureInfo.InvariantCulture, out var at)
                    || at.Hour is not (10 or 11 or (>= 13 and <= 22))))
            {
                return $"new_call_rules.{index}.re_call_time 重呼执行时间只能在 10-11 或 13-22 点之间";
            }

            index++;
        }

        return null;
    }
}
