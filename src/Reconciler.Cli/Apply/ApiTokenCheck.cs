using Reconciler.TaskApi.Auth;

namespace Reconciler.Cli.Apply;

/// <summary>
/// Fail fast when no API token is configured at all: otherwise apply would read, plan and show everything, then
/// print one "unauthorized" line per task. Per-account gaps are still reported per task (another account's token
/// may be set). Not for --simulator, which makes its own token.
/// </summary>
internal static class ApiTokenCheck
{
    public static readonly string Variables =
        $"{EnvironmentTokenSource.DefaultVariable} (every account), {EnvironmentTokenSource.PerUserPrefix}<USER_ID> (one account), " +
        $"{EnvironmentTokenSource.DefaultFileVariable} or {EnvironmentTokenSource.TokensFileVariable} (files holding them)";

    /// <exception cref="CliException">None of the token variables is set.</exception>
    public static void Require(CliConsole console, string command)
    {
        ArgumentNullException.ThrowIfNull(console);
        var set = console.EnvironmentNames()
            .Where(n => n.StartsWith(EnvironmentTokenSource.PerUserPrefix, StringComparison.Ordinal))
            .Append(EnvironmentTokenSource.DefaultVariable)
            .Append(EnvironmentTokenSource.DefaultFileVariable)
            .Append(EnvironmentTokenSource.TokensFileVariable)
            .Any(n => !string.IsNullOrWhiteSpace(console.Environment(n)));
        if (!set)
        {
            throw new CliException($"no API token is configured, so {command} would send nothing the platform accepts: set {Variables}" +
                (command == "apply" ? "; or try the built-in simulator with --simulator" : ""));
        }
    }
}
