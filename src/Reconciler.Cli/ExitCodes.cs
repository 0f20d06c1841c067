namespace Reconciler.Cli;

/// <summary>Process exit codes (documented in the README; scripts depend on them).</summary>
internal static class ExitCodes
{
    /// <summary>Success; for plan: no changes (or changes without --detailed-exitcode).</summary>
    public const int Success = 0;

    /// <summary>An error: invalid manifests, bad arguments, unreadable state; for apply and sync --wait: a task was rejected or failed, or the apply was cancelled with tasks unsent.</summary>
    public const int Error = 1;

    /// <summary>plan --detailed-exitcode: valid, and there are changes to apply (as terraform plan -detailed-exitcode).</summary>
    public const int Changes = 2;

    /// <summary>
    /// apply: nothing rejected or failed, but some tasks were blocked because they are running (6007); a later run
    /// retries them. sync --wait: nothing failed, but tasks wait (blocked, held back for a retry, outside the window).
    /// </summary>
    public const int Blocked = 3;

    /// <summary>apply --verify: nothing rejected or failed, but the platform accepted an update and holds other values in some field (read back).</summary>
    public const int Unverified = 4;

    /// <summary>apply --batch/--canary: a batch tripped --halt-on-rejected or --halt-on-failed; the later batches were not sent (still planned).</summary>
    public const int Halted = 5;

    /// <summary>
    /// plan --require-publish: the plan itself is fine (it would exit 0 or 2), but it could not be posted to the pull
    /// request (comment or commit status). Without --require-publish a failed publish is an error line and a warning
    /// annotation, and the exit code reports the plan alone.
    /// </summary>
    public const int PublishFailed = 6;
}
