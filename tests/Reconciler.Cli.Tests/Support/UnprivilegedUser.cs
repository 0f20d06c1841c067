using Reconciler.Testing.Files;

namespace Reconciler.Cli.Tests.Support;

/// <summary>
/// Runs the CLI as a user file permissions apply to: the test's own user when it is not root, else
/// <c>nobody</c> through <c>setpriv</c> (root ignores a <c>chmod 0444</c>, so a test run as root would prove nothing).
/// </summary>
internal static class UnprivilegedUser
{
    private static readonly Lazy<string?> Unavailable = new(Probe);

    /// <summary>Null where the CLI can run without root's file privileges; otherwise why not.</summary>
    public static string? WhyUnavailable => Unavailable.Value;

    /// <summary>The wrapper for <see cref="ReconcilerProcess.Start(string, IReadOnlyDictionary{string, string}, IReadOnlyList{string}, IReadOnlyList{string})"/>: empty when not root.</summary>
    public static IReadOnlyList<string> Wrapper => SpecialFiles.IsRoot ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : [];

    /// <summary>Whether unprivileged runs are possible here: not root, or root with setpriv on PATH.</summary>
    public static bool CanRun => !SpecialFiles.IsRoot || HasSetpriv;

    private static bool HasSetpriv => File.Exists("/usr/bin/setpriv") || File.Exists("/bin/setpriv");

    private static string? Probe()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "file permissions are tested on Linux only";
        }

        if (!SpecialFiles.IsRoot)
        {
            return null;
        }

        if (!HasSetpriv)
        {
            return "the tests run as root (which ignores file permissions) and setpriv (util-linux) is not installed to run the CLI as nobody";
        }

        // nobody must reach the runtime and the CLI: a runtime under /root would make every run fail at start.
        var reachable = SpecialFiles.AsUnprivilegedFileUser(() => File.Exists(typeof(object).Assembly.Location) && File.Exists(ReconcilerProcess.DllPath));
        return reachable ? null : $"nobody cannot reach the .NET runtime ({Path.GetDirectoryName(typeof(object).Assembly.Location)}) or the CLI ({ReconcilerProcess.DllPath})";
    }
}
