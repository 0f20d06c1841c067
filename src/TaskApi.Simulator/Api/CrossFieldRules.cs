using System.Text.Json;
using static TaskApi.Simulator.Api.JsonFields;

namespace TaskApi.Simulator.Api;

/// <summary>The document's rules that span several fields, checked on a body whose fields already have their documented types.</summary>
internal static class CrossFieldRules
{
    public static string? Check(JsonElement root) => Divisible(root) ?? EndAction(root) ?? VariableListWhenSwitch2(root);

    // "maximumcall为所选线路的总并发数之和 … 必须为设置线路数量整除".
    private static string? Divisible(JsonElement root)
    {
        var lines = root.GetProperty("task_extras").GetProperty("line").GetArrayLength();
        TryGetInteger(root.GetProperty("maximumcall"), out var calls);
        return lines > 0 && calls % lines != 0 ? $"maximumcall({calls}) 必须能被线路数量({lines})整除" : null;
    }

    // "end_action 任务结束动作 此动作不能与动态坐席同时开启". The update document never defines end_action's values; the vendor's
    // 2.0任务创建 page does ("0:无操作 1:暂停任务释放并发", docs/api/neighbouring-endpoints.md): 0 is no action.
    private static string? EndAction(JsonElement root) =>
        TryGet(root, "end_action", out var action) && !(TryGetInteger(action, out var value) && value == 0)
        && TryGet(root, "elasticity_type", out var elastic) && IsTruthy(elastic)
            ? "end_action 任务结束动作不能与动态坐席(elasticity_type)同时开启"
            : null;

    // "is_switch_group为2(按号码变量配置)时必填" (the document's typo for is_group_switch). Only the mode-2 list is 必填.
    private static string? VariableListWhenSwitch2(JsonElement root)
    {
        var list = root.GetProperty("task_extras").TryGetProperty("destination_extension_with_variable_list", out var sent) ? sent : default;
        return TryGet(root, "is_group_switch", out var mode) && TryGetInteger(mode, out var m) && m == 2
            && (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
                ? "is_group_switch 为 2 时 task_extras.destination_extension_with_variable_list 必填"
                : null;
    }
}
