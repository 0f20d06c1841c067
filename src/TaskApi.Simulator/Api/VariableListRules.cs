using System.Text.Json;
using static TaskApi.Simulator.Api.JsonFields;

namespace TaskApi.Simulator.Api;

/// <summary>Script-group rules: <c>is_group_switch</c> values, the mode-2 variable list, and the multi config's entries.</summary>
internal static class VariableListRules
{
    private const string ListField = "task_extras.destination_extension_with_variable_list";
    private const string MultiField = "task_extras.destination_extension_multi_config";

    public static string? Check(JsonElement root)
    {
        var extras = root.GetProperty("task_extras");
        var hasList = TryGet(extras, "destination_extension_with_variable_list", out var list);
        long? groupSwitch = null;
        if (TryGet(root, "is_group_switch", out var switchValue))
        {
            // "话术配置类型 0-统一配置 1-按时间配置 2-变量分组配置 3-多项外呼话术组配置"
            if (!TryGetInteger(switchValue, out var mode) || mode is < 0 or > 3)
            {
                return "is_group_switch 只能是 0、1、2、3";
            }

            groupSwitch = mode;
        }

        if (groupSwitch == 2 && (!hasList || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0))
        {
            return $"is_group_switch 为 2 时 {ListField} 必填";
        }

        if (hasList && CheckVariableList(list) is { } problem)
        {
            return problem;
        }

        // "排序参数必须传递": sort is required in every entry of the list. The document does not make the list itself
        // required for is_group_switch 3 (only the mode-2 list is "必填"), so its absence is accepted.
        return TryGet(extras, "destination_extension_multi_config", out _) ? CheckMultiConfigEntries(extras) : null;
    }

    private static string? CheckVariableList(JsonElement list)
    {
        if (list.ValueKind != JsonValueKind.Array)
        {
            return $"{ListField} 必须是数组";
        }

        if (list.GetArrayLength() > 100)
        {
            return $"{ListField} 最多配置100个";
        }

        var index = 0;
        foreach (var entry in list.EnumerateArray())
        {
            var at = $"{ListField}.{index}";
            if (!TryGet(entry, "mode", out var mode) || !TryGetInteger(mode, out var m) || m is not (0 or 1))
            {
                return $"{at}.mode 只能是 0 或 1";
            }

            if (!TryGet(entry, "destination_extension", out var extension) || !TryGetInteger(extension, out _))
            {
                return $"{at}.destination_extension 不能为空";
            }

            if (!TryGet(entry, "values", out var values) || values.ValueKind != JsonValueKind.Array || values.GetArrayLength() == 0)
            {
                return $"{at}.values 不能为空";
            }

            if (values.GetArrayLength() > 10)
            {
                return $"{at}.values 关键词最多10个";
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var value in values.EnumerateArray())
            {
                if (!seen.Add(value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText()))
                {
                    return $"{at}.values 关键词不能有重复";
                }
            }

            index++;
        }

        return null;
    }

    private static string? CheckMultiConfigEntries(JsonElement extras)
    {
        var config = extras.GetProperty("destination_extension_multi_config");
        if (TryGet(config, "dial_mode", out var dialMode) && (!TryGetInteger(dialMode, out var m) || m is not (0 or 1)))
        {
            return $"{MultiField}.dial_mode 只能是 0(轮询) 或 1(随机)";
        }

        if (!TryGet(config, "list", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var index = 0;
        foreach (var entry in list.EnumerateArray())
        {
            if (!TryGet(entry, "sort", out _))
            {
                return $"{MultiField}.list.{index}.sort 排序参数必须传递";
            }

            index++;
        }

        return null;
    }
}
