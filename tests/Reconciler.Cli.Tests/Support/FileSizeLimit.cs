namespace Reconciler.Cli.Tests.Support;

/// <summary>
/// Runs the CLI under a file-size limit (<c>ulimit -f</c>, RLIMIT_FSIZE): no file it writes may grow past the
/// limit, which is to the process what a full disk is — without mounting anything, so it works in any
/// container, as root or not. SIGXFSZ is ignored, so a write past the limit fails with EFBIG (which SQLite
/// reports as an I/O error) instead of killing the process.
/// </summary>
internal static class FileSizeLimit
{
    /// <summary>Null where the wrapper can run (Linux with bash); otherwise why not.</summary>
    public static string? WhyUnavailable =>
        !OperatingSystem.IsLinux() ? "RLIMIT_FSIZE through bash's ulimit is tested on Linux only"
        : !File.Exists("/bin/bash") && !File.Exists("/usr/bin/bash") ? "bash is not installed; the test needs its ulimit to limit the size of the files the CLI writes"
        : null;

    /// <summary>The wrapper for <see cref="ReconcilerProcess.Start(string, IReadOnlyDictionary{string, string}, IReadOnlyList{string}, IReadOnlyList{string})"/>; bash's <c>ulimit -f</c> counts KiB.</summary>
    public static IReadOnlyList<string> Wrapper(int kibibytes) =>
        ["bash", "-c", $"trap '' XFSZ; ulimit -f {kibibytes} && exec \"$@\"", "file-size-limit"];

    /// <summary>
    /// What the runtime needs to start under a small limit: its W^X double mapping sizes a memory file far past
    /// any such limit and the process dies with SIGSEGV before Main (measured: exit 139), so it is turned off.
    /// </summary>
    public static void PrepareRuntime(IDictionary<string, string> environment) =>
        environment["DOTNET_EnableWriteXorExecute"] = "0";
}
