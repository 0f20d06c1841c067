using Reconciler.Core.Secrets;
using Reconciler.Core.Validation;

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
        Directory.GetCurrentDirectory())
    {
        EnvironmentNames = () => System.Environment.GetEnvironmentVariables().Keys.Cast<string>().ToList(),
    };

    /// <summary>The names of the environment's variables (to find per-account token variables); none unless given.</summary>
    public Func<IReadOnlyCollection<string>> EnvironmentNames { get; init; } = () => [];

    /// <summary>
    /// The configured tokens (API, GitHub, git, webhook), as a redactor: every line this console prints goes through
    /// it, and manifests that hold one get a warning (<see cref="NewPipeline"/>). Set by <see cref="ReconcilerCli.RunAsync"/>.
    /// </summary>
    public SecretRedactor Secrets { get; init; } = SecretRedactor.None;

    /// <summary>A manifest pipeline that also warns when a manifest value holds one of <see cref="Secrets"/>.</summary>
    /// <param name="remember">Keep evaluations for a later call (<see cref="ManifestPipeline"/>); false for a command that evaluates once.</param>
    public ManifestPipeline NewPipeline(bool remember = true) => new(new ManifestEvaluator(rules: ManifestRules.WithSecretCheck(Secrets)), remember);

    /// <summary>Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org).</summary>
    public bool UseColor => OutIsTerminal && string.IsNullOrEmpty(Environment("NO_COLOR")) && Environment("TERM") != "dumb";

    public string ResolvePath(string path) => Path.GetFullPath(path, WorkingDirectory);
}
