using System.Text.Json;
using static TaskApi.Simulator.Api.JsonFields;

namespace TaskApi.Simulator.Api;

/// <summary>
/// The types the document's parameter tables (参数说明) give each field, checked when the field is sent:
/// <c>int</c> (a JSON integer or a string of digits, as the document's own examples send ids), <c>string</c>,
/// <c>bool</c> (true/false or 1/0, as the examples send them) and <c>array</c>. Written from the document,
/// independently of the reconciler's schemas.
/// </summary>
internal static class DocumentedTypes
{
    private static readonly string[] TopIntegers = ["destination_extension", "dial_time_id", "maximumcall", "bridge_group_id", "auto_recycle_rule_id", "end_action", "background_id", "llm_intention_id", "interval_time"];
    private static readonly string[] TopStrings = ["name", "remark", "sub_user_id"];
    private static readonly string[] TopBooleans = ["elasticity_type"];
    private static readonly string[] ExtrasIntegers = ["interval_time", "redial_interval", "redial_max_times", "pop_mode"];
    private static readonly string[] ExtrasStrings = ["start_time", "stop_time"];
    private static readonly string[] ExtrasBooleans = ["redial_enabled", "redial_new_number_policy"];
    private static readonly string[] ExtrasArrays = ["holiday", "line", "destination_extension_list", "destination_extension_with_variable_list", "da_status"];

    public static string? Check(JsonElement root)
    {
        // "bridge_group_id … 不传这个键,则表示为空 传了则必填": optional, but when the key is sent it must hold an id.
        if (root.TryGetProperty("bridge_group_id", out var bridge) && (bridge.ValueKind == JsonValueKind.Null || (bridge.ValueKind == JsonValueKind.String && bridge.GetString()!.Length == 0)))
        {
            return "bridge_group_id 传了则必填";
        }

        return Fields(root, "", TopIntegers, TopStrings, TopBooleans, ["new_call_rules"])
            ?? (TryGet(root, "task_extras", out var extras) && extras.ValueKind == JsonValueKind.Object
                ? Fields(extras, "task_extras.", ExtrasIntegers, ExtrasStrings, ExtrasBooleans, ExtrasArrays)
                : null);
    }

    private static string? Fields(JsonElement owner, string prefix, string[] integers, string[] strings, string[] booleans, string[] arrays)
    {
        foreach (var name in integers)
        {
            if (TryGet(owner, name, out var value) && !TryGetInteger(value, out _))
            {
                return $"{prefix}{name} 必须是整数";
            }
        }

        foreach (var name in strings)
        {
            if (TryGet(owner, name, out var value) && value.ValueKind != JsonValueKind.String)
            {
                return $"{prefix}{name} 必须是字符串";
            }
        }

        foreach (var name in booleans)
        {
            if (TryGet(owner, name, out var value) && !IsBoolean(value))
            {
                return $"{prefix}{name} 必须是布尔值";
            }
        }

        foreach (var name in arrays)
        {
            if (TryGet(owner, name, out var value) && value.ValueKind != JsonValueKind.Array)
            {
                return $"{prefix}{name} 必须是数组";
            }
        }

        return null;
    }

    private static bool IsBoolean(JsonElement value) =>
        value.ValueKind is JsonValueKind.True or JsonValueKind.False || (TryGetInteger(value, out var n) && n is 0 or 1);
}
