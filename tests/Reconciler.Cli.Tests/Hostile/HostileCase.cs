using Reconciler.Cli.Tests.Support;

namespace Reconciler.Cli.Tests.Hostile;

/// <summary>
/// One hostile repository: how to build it (beside a valid manifest that must still be planned), the exit code the
/// real CLI must end with, and the path (as the output shows it) that the output must name.
/// </summary>
/// <param name="Named">Text the output must contain: the offending file as shown (escaped where needed).</param>
internal sealed record HostileCase(string Name, Action<HostileRepo> Arrange, int ExitCode, string Named)
{
    /// <summary>Arguments after the command name's directory; <c>{0}</c> is not used: the repository is always <c>repo</c>.</summary>
    public string[] Args { get; init; } = ["plan", "repo", "--state", "state.db"];

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Needs root to build (mknod of a device): run by a <see cref="Testing.Files.RootTheoryAttribute"/> theory, skipped without root.</summary>
    public bool NeedsRoot { get; init; }

    /// <summary>
    /// Runs the CLI as an unprivileged user, so chmod 000 really denies reading (the tests often run as root): run by an
    /// <see cref="UnprivilegedTheoryAttribute"/> theory, skipped as root without setpriv.
    /// </summary>
    public bool Unprivileged { get; init; }

    /// <summary>How the valid manifest's adopt line looks in this case's output format.</summary>
    public string ValidPlanned { get; init; } = "+ adopt     有效任务 (hostile-valid)";

    /// <summary>Further checks on the result.</summary>
    public Action<CliResult>? Also { get; init; }

    public override string ToString() => Name;
}
