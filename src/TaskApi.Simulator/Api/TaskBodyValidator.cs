using System.Text.Json;
using static TaskApi.Simulator.Api.JsonFields;

namespace TaskApi.Simulator.Api;

/// <summary>
/// The update body rules of the platform's document. Returns the first problem as the platform would
/// (a Chinese message naming the field), or null when the body is acceptable.
/// </summary>
internal static class TaskBodyValidator
{
    /// <param name="residueOf">The platform-held residue of a line id, or null when the line has none.</param>
    public static string? Validate(JsonElement root, TaskFlavour flavour, Func<string, long?>? residueOf = null)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return "请求体必须是JSON对象";
        }

        return RequiredTopLevel(root)
            ?? DocumentedTypes.Check(root)
            ?? TaskExtras(root, flavour)
            ?? Combinations(root)
            ?? VariableListRules.Check(root)
            ?? (flavour == TaskFlavour.V2Legacy ? LegacyRules.Check(root) : null)
            ?? LineResidueRule.Check(root, flavour, residueOf ?? (_ => null));
    }

    private static string? RequiredTopLevel(JsonElement root)
    {
        if (!TryGet(root, "name", out var name) || (name.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(name.GetString())))
        {
            return "name 不能为空";
        }

        if (name.ValueKind != JsonValueKind.String)
        {
            return "name 必须是字符串";
        }

        foreach (var field in new[] { "destination_extension", "dial_time_id" })
        {
            if (!TryGet(root, field, out var value) || (value.ValueKind == JsonValueKind.String && value.GetString()!.Length == 0))
            {
                return $"{field} 不能为空";
            }

            if (!TryGetInteger(value, out _))
            {
                return $"{field} 必须是整数";
            }
        }

        if (!TryGet(root, "maximumcall", out var maximumCall))
        {
            return "maximumcall 不能为空";
        }

        if (!TryGetInteger(maximumCall, out var calls) || calls < 1)
        {
            return "maximumcall 必须是正整数";
        }

        if (!TryGet(root, "task_extras", out var extras))
        {
            return "task_extras 不能为空";
        }

        return extras.ValueKind == JsonValueKind.Object ? null : "task_extras 必须是对象";
    }

    private static string? TaskExtras(JsonElement root, TaskFlavour flavour)
    {
        var extras = root.GetProperty("task_extras");
        foreach (var field in new[] { "start_time", "stop_time" })
        {
            if (!TryGet(extras, field, out var value) || !IsNonEmptyString(value))
            {
                return $"task_extras.{field} 不能为空";
            }
        }

        if (flavour == TaskFlavour.V2)
        {
            if (!TryGet(extras, "pop_mode", out var popMode))
            {
                return "task_extras.pop_mode 不能为空";
            }

            if (!TryGetInteger(popMode, out var mode) || mode is < 0 or > 2)
            {
                return "task_extras.pop_mode 只能是 0、1、2";
            }
        }

        foreach (var field in new[] { "line", "holiday" })
        {
            if (!TryGet(extras, field, out var list))
            {
                return $"task_extras.{field} 必须传递,没有数据时也需传递空数组 []";
            }

            if (list.ValueKind != JsonValueKind.Array)
            {
                return $"task_extras.{field} 必须是数组";
            }
        }

        return Lines(root, extras.GetProperty("line"), flavour) ?? Redial(extras);
    }

    private static string? Lines(JsonElement root, JsonElement lines, TaskFlavour flavour)
    {
        var index = 0;
        foreach (var line in lines.EnumerateArray())
        {
            var shapeOk = flavour == TaskFlavour.V2
                ? line.ValueKind == JsonValueKind.Object && TryGet(line, "id", out var id) && IsNonEmptyString(id)
                : IsNonEmptyString(line);
            if (!shapeOk)
            {
                return flavour == TaskFlavour.V2
                    ? $"task_extras.line.{index} 必须是包含 id 和 limit 的线路对象"
                    : $"task_extras.line.{index} 必须是线路id字符串";
            }

            index++;
        }

        TryGetInteger(root.GetProperty("maximumcall"), out var calls);
        return index > 0 && calls % index != 0
            ? $"maximumcall({calls}) 必须能被线路数量({index})整除"
            : null;
    }

    private static string? Redial(JsonElement extras)
    {
        if (TryGet(extras, "redial_interval", out var interval) && (!TryGetInteger(interval, out var minutes) || minutes > 60 || minutes < 0))
        {
            return "task_extras.redial_interval 重呼间隔最多 60 分钟";
        }

        if (TryGet(extras, "redial_max_times", out var times) && (!TryGetInteger(times, out var count) || count > 3 || count < 0))
        {
            return "task_extras.redial_max_times 重呼次数最多 3 次";
        }

        // da_status appears at task_extras.da_status in the table and under redial_conditions in the example.
        var statuses = TryGet(extras, "redial_conditions", out var conditions) && TryGet(conditions, "da_status", out var nested)
            ? nested
            : TryGet(extras, "da_status", out var flat) ? flat : default;
        if (statuses.ValueKind == JsonValueKind.Array)
        {
            foreach (var status in statuses.EnumerateArray())
            {
                if (!TryGetInteger(status, out var value) || value is < 2 or > 12)
                {
                    return "task_extras.redial_conditions.da_status 只能包含 2 到 12 的状态值";
                }
            }
        }

        return null;
    }

    private static string? Combinations(JsonElement root)
    {
        if (TryGet(root, "end_action", out _) && TryGet(root, "elasticity_type", out var elastic) && IsTruthy(elastic))
        {
            return "end_action 任务结束动作不能与动态坐席(elasticity_type)同时开启";
        }

        return null;
    }
}
