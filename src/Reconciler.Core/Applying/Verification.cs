using Reconciler.Core.Refresh;

namespace Reconciler.Core.Applying;

/// <summary>
/// The read-back of one accepted update: its outcome, the fields that differ (dotted body paths, e.g.
/// <c>task_extras.start_time</c>) and, for <see cref="VerificationOutcome.Unknown"/>, why nothing was compared.
/// </summary>
public sealed record Verification(VerificationOutcome Outcome, IReadOnlyList<string> Fields, string? Reason = null)
{
    public static Verification Of(LiveComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        if (comparison.Drifted)
        {
            return new Verification(VerificationOutcome.Unverified, comparison.Changes.Select(c => Dotted(c.Path)).ToList());
        }

        return comparison.Compared == 0
            ? Unknown("the detail answer carries none of the fields sent")
            : new Verification(VerificationOutcome.Verified, []);
    }

    public static Verification Unknown(string? reason) => new(VerificationOutcome.Unknown, [], reason ?? "not read back");

    /// <summary><c>verified</c>, <c>unverified: name, task_extras.start_time</c>, <c>unknown (why)</c>.</summary>
    public override string ToString() => Outcome switch
    {
        VerificationOutcome.Verified => "verified",
        VerificationOutcome.Unverified => "unverified: " + string.Join(", ", Fields),
        _ => $"unknown ({Reason})",
    };

    /// <summary>A JSON pointer of the body (<c>/task_extras/start_time</c>) as the docs write a field.</summary>
    private static string Dotted(string pointer) => pointer.TrimStart('/').Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal).Replace('/', '.');
}
