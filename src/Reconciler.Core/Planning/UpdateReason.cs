namespace Reconciler.Core.Planning;

/// <summary>Why an entry is an <see cref="PlanAction.Update"/>.</summary>
public enum UpdateReason
{
    /// <summary>The desired body differs from the compared-with body.</summary>
    Changed,

    /// <summary>The last attempt's result is unknown (answer lost, crash, cancellation): the desired body is sent again.</summary>
    InDoubt,

    /// <summary>The live task on the platform differs from the desired body (read with refresh).</summary>
    Drift,
}

internal static class UpdateReasons
{
    /// <summary>The lower-case word used in JSON (stable contract): <c>changed</c>, <c>in_doubt</c>, <c>drift</c>.</summary>
    public static string ToWord(this UpdateReason reason) => reason switch
    {
        UpdateReason.Changed => "changed",
        UpdateReason.InDoubt => "in_doubt",
        UpdateReason.Drift => "drift",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    /// <exception cref="FormatException">Not one of the words.</exception>
    public static UpdateReason FromWord(string word) =>
        Enum.GetValues<UpdateReason>().Cast<UpdateReason?>().SingleOrDefault(r => r!.Value.ToWord() == word) ?? throw new FormatException($"'{word}' is not an update reason");
}
