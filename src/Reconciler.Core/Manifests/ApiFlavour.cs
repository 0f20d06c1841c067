namespace Reconciler.Core.Manifests;

/// <summary>Which request body the API document describes: 新版任务2.0 or 旧版任务2.0.</summary>
public enum ApiFlavour
{
    /// <summary><c>apiVersion: tasks/v2</c> — 新版任务2.0 (lines as <c>{id, limit}</c>, pop_mode required).</summary>
    V2,

    /// <summary><c>apiVersion: tasks/v2-legacy</c> — 旧版任务2.0 (lines as ids, group_switch_rule, new_call_rules).</summary>
    V2Legacy,
}

public static class ApiFlavours
{
    public const string V2ApiVersion = "tasks/v2";
    public const string V2LegacyApiVersion = "tasks/v2-legacy";

    public static ApiFlavour? FromApiVersion(string? apiVersion) => apiVersion switch
    {
        V2ApiVersion => ApiFlavour.V2,
        V2LegacyApiVersion => ApiFlavour.V2Legacy,
        _ => null,
    };

    public static string ToApiVersion(this ApiFlavour flavour) => flavour switch
    {
        ApiFlavour.V2 => V2ApiVersion,
        ApiFlavour.V2Legacy => V2LegacyApiVersion,
        _ => throw new ArgumentOutOfRangeException(nameof(flavour), flavour, null),
    };
}
