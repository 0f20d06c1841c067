namespace Reconciler.Cli.Tests.Hostile;

/// <summary>
/// A theory whose cases run the CLI as an unprivileged user (so chmod 000 really denies reading); skipped, with the
/// reason, where the tests run as root without <c>setpriv</c> to drop to nobody.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal sealed class UnprivilegedTheoryAttribute : TheoryAttribute
{
    public UnprivilegedTheoryAttribute()
    {
        if (!HostileRunner.CanRunUnprivileged)
        {
            Skip = "runs as root without setpriv: root reads a chmod 000 file, and there is no setpriv to run the CLI as nobody";
        }
    }
}
