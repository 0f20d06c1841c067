namespace Reconciler.Cli;

/// <summary>
/// The process's streams and environment, passed in rather than reached for, so the CLI runs the same
/// in a terminal, in CI and inside tests.
/// </summary>
internal sealed record CliConsole(
    TextWriter Out,
    TextWriter Error,
    TextReader In,
    bool OutIsTerminal,
    bool InIsTerminal,
    Func<string, string?> Environment,
    string WorkingDirectory)
{
    public static CliConsole FromProcess() => new(
        Console.Out,
        Console.Error,
        Console.In,
        !Console.IsOutputRedirected,
        !Console.IsInputRedirected,
        System.Environment.GetEnvironmentVariable,
        Directory.GetCurrentDirectory());

    /// <summary>Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org).</summary>
    public bool UseColor => OutIsTerminal && string.IsNullOrEmpty(Environment("NO_COLOR")) && Environment("TERM") != "dumb";

    public string ResolvePath(string path) => Path.GetFullPath(path, WorkingDirectory);
}
