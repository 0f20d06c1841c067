namespace Reconciler.Core.Applying;

/// <summary>What reading a task back after an accepted update showed (<c>--verify</c> / <c>Verify</c>).</summary>
public enum VerificationOutcome
{
    /// <summary>Every field the detail answer carries holds what was sent.</summary>
    Verified,

    /// <summary>The platform answered success but holds something else in at least one field.</summary>
    Unverified,

    /// <summary>The read failed, or the detail carries none of the fields sent: nothing could be compared.</summary>
    Unknown,
}
