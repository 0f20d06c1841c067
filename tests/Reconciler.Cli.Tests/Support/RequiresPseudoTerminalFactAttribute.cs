using System.Diagnostics;

namespace Reconciler.Cli.Tests.Support;

/// <summary>
/// A fact skipped, with the reason shown, where util-linux's <c>script</c> (a pseudo-terminal) or coreutils'
/// <c>env --default-signal</c> is missing.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class RequiresPseudoTerminalFactAttribute : FactAttribute
{
    private static readonly string? WhyUnavailable = Probe();

    public RequiresPseudoTerminalFactAttribute()
    {
        if (WhyUnavailable is { } reason)
        {
            Skip = reason;
        }
    }

    private static string? Probe()
    {
        try
        {
            var start = new ProcessStartInfo("env") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { "--default-signal=INT", "script", "-qfec", "true", "/dev/null" })
            {
                start.ArgumentList.Add(arg);
            }

            using var probe = Process.Start(start);
            if (probe is null || !probe.WaitForExit(TimeSpan.FromSeconds(10)) || probe.ExitCode != 0)
            {
                return "needs util-linux 'script' and coreutils 'env --default-signal' to run the CLI on a pseudo-terminal";
            }

            return null;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"cannot run 'env' here ({e.Message})";
        }
    }
}
