using System.Text.Json;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Manifests;

namespace Reconciler.Core.Validation.Rules;

/// <summary>
/// 话术配置类型 (<c>is_group_switch</c>) selects where the script group comes from. The document makes the
/// variable list required for mode 2 ("is_switch_group为2…时必填"): an error without it. For modes 1 and 3 it
/// states no such rule and its own C++ example sends mode 1 without a time list, so a missing list there is
/// only a warning that says what is missing, not what the platform then does (the document does not say).
/// Lists of other modes are not flagged: the document's own examples send the variable list with mode 1, and
/// it says the variable list applies whenever a number's variable matches ("当号码中携带符合变量话术组配置时,
/// 会自动选择该话术组"), so calling it ignored would be a claim it does not make.
/// </summary>
internal sealed class GroupSwitchRule : IManifestRule
{
    private const string At = "/spec/is_group_switch";
    private const string TimeList = "/spec/task_extras/destination_extension_list";
    private const string LegacyTimeList = "/spec/group_switch_rule";
    private const string VariableList = "/spec/task_extras/destination_extension_with_variable_list";
    private const string MultiConfig = "/spec/task_extras/destination_extension_multi_config";

    public IEnumerable<Diagnostic> Check(ManifestDocument document)
    {
        if (document.Flavour != ApiFlavour.V2)
        {
            yield break;
        }

        var mode = IntegerValues.Read(document, At, out var unreadable);
        if (unreadable is not null)
        {
            // The mode decides which list is required: a value we cannot read is an error, never a skipped check.
            yield return unreadable;
            yield break;
        }

        switch (mode)
        {
            case 1 when IsEmptyList(document.Find(TimeList)) && IsEmptyList(document.Find(LegacyTimeList)):
                yield return document.Warning("group-switch-list", "is_group_switch 1 (按时间配置) without task_extras.destination_extension_list: no time window is configured, and the API document does not say which script group is used then", At);
                break;
            case 2 when IsEmptyList(document.Find(VariableList)):
                yield return document.Error("group-switch-list", "is_group_switch 2 (按号码变量配置) needs task_extras.destination_extension_with_variable_list with at least one entry (the document: \"is_switch_group为2(按号码变量配置)时必填\", its spelling of is_group_switch there)", At);
                break;
            case 3 when IsEmptyList(ManifestDocument.Child(document.Find(MultiConfig), "list")):
                yield return document.Warning("group-switch-list", "is_group_switch 3 (多项外呼话术组配置) without task_extras.destination_extension_multi_config.list: no script groups are configured to rotate between, and the API document does not say what the platform does then", At);
                break;
        }
    }

    private static bool IsEmptyList(JsonElement? node) => ManifestDocument.Count(node) == 0;
}
