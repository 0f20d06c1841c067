namespace Reconciler.Core.Planning;

/// <summary>
/// What the plan intends for one task. The declaration order is the display order: problems first,
/// then changes, then what is left alone.
/// </summary>
public enum PlanAction
{
    /// <summary>Validation failed: nothing is sent; the errors are shown with file:line:column.</summary>
    Invalid,

    /// <summary>Last applied body differs from the desired one: PUT the whole desired body.</summary>
    Update,

    /// <summary>No record for this identity yet: PUT the whole body and start tracking it.</summary>
    Adopt,

    /// <summary>In state but its manifest is gone: forget the record; the remote task is never touched.</summary>
    Unmanage,

    /// <summary><c>metadata.suspend: true</c>: left alone.</summary>
    Suspended,

    /// <summary>Canonical bodies are equal: nothing to do.</summary>
    Unchanged,
}

public static class PlanActions
{
    /// <summary>The lower-case word used in every output format and in JSON (stable contract).</summary>
    public static string ToWord(this PlanAction action) => action switch
    {
        PlanAction.Invalid => "invalid",
        PlanAction.Update => "update",
        PlanAction.Adopt => "adopt",
        PlanAction.Unmanage => "unmanage",
        PlanAction.Suspended => "suspended",
        PlanAction.Unchanged => "unchanged",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    /// <summary>Whether applying this action sends a PUT.</summary>
    public static bool SendsPut(this PlanAction action) => action is PlanAction.Update or PlanAction.Adopt;
}
