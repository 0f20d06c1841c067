using Reconciler.Core.Secrets;
using Reconciler.TaskApi.Auth;

namespace Reconciler.Cli.Output;

/// <summary>
/// Every secret the CLI may be configured with, read from its environment once per command. Shared with the native
/// <c>reconciler-validate</c> (src/Reconciler.Validate compiles this same file).
/// </summary>
internal static class CliSecrets
{
    /// <summary>Tokens that are not API tokens but must never be printed either.</summary>
    private static readonly string[] OtherSecretVariables = ["GITHUB_TOKEN", "RECONCILER_GIT_TOKEN", "RECONCILER_WEBHOOK_SECRET"];

    /// <param name="environment">Reads one environment variable.</param>
    /// <param name="names">The names of every variable set (API tokens may be configured per account, under several names).</param>
    public static SecretRedactor Read(Func<string, string?> environment, IEnumerable<string> names) =>
        EnvironmentTokenSource.ConfiguredSecrets(environment, names).With(OtherSecretVariables.Select(environment));
}
