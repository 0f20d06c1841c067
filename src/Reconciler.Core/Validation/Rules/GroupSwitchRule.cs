using System.Text.Json.Nodes;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Manifests;

namespace Reconciler.Core.Validation.Rules;

/// <summary>
/// 话术配置类型 (<c>is_group_switch</c>) selects where the script group comes from. The document makes the
/// variable list required for mode 2 ("is_switch_group为2…时必填"): an error without it. For modes 1 and 3 it
/// states no such rule and its own C++ example sends mode 1 without a time list, so a missing list there is
/// a warning. A list the mode does not select is ignored by the platform (a warning).
/// </summary>
public sealed class GroupSwitchRule : IManifestRule
{
    private const string TimeList = "/spec/task_extras/destination_extension_list";
    private const string LegacyTimeList = "/spec/group_switch_rule";
    private const string VariableList = "/spec/task_extras/destination_extension_with_variable_list";
    private const string MultiConfig = "/spec/task_extras/destination_extension_multi_config";

    public IEnumerable<Diagnostic> Check(ManifestDocument document)
    {
        if (document.Flavour != ApiFlavour.V2 || ManifestDocument.Integer(document.Spec?["is_group_switch"]) is not { } mode)
        {
            yield break;
        }

        const string at = "/spec/is_group_switch";
        switch (mode)
        {
            case 1 when IsEmptyList(document.At(TimeList)) && IsEmptyList(document.At(LegacyTimeList)):
                yield return document.Warning("group-switch-list", "is_group_switch 1 (按时间配置) without task_extras.destination_extension_list: no time window selects a script group, so destination_extension is used all day", at);
                break;
            case 2 when IsEmptyList(document.At(VariableList)):
                yield return document.Error("group-switch-list", "is_group_switch 2 (按号码变量配置) needs task_extras.destination_extension_with_variable_list with at least one entry", at);
                break;
            case 3 when IsEmptyList(document.At(MultiConfig)?["list"]):
                yield return document.Warning("group-switch-list", "is_group_switch 3 (多项外呼话术组配置) without task_extras.destination_extension_multi_config.list: there are no script groups to rotate between", at);
                break;
        }

        foreach (var (pointer, selectedBy, description) in new[]
        {
            (TimeList, 1L, "destination_extension_list"),
            (VariableList, 2L, "destination_extension_with_variable_list"),
            (MultiConfig, 3L, "destination_extension_multi_config"),
        })
        {
            if (mode != selectedBy && HasContent(document.At(pointer)))
            {
                yield return document.Warning("group-switch-unused", $"{description} is only used when is_group_switch is {selectedBy}; with {mode} the platform ignores it", pointer);
            }
        }
    }

    private static bool IsEmptyList(JsonNode? node) => node is not JsonArray { Count: > 0 };

    private static bool HasContent(JsonNode? node) => node switch
    {
        JsonArray array => array.Count > 0,
        JsonObject obj => obj["list"] is JsonArray { Count: > 0 },
        _ => false,
    };
}
