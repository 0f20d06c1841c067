using Reconciler.Core.Secrets;
using Reconciler.TaskApi.Auth;

namespace Reconciler.Cli.Output;

/// <summary>Every secret the CLI may be configured with, read from its environment once per command.</summary>
internal static class CliSecrets
{
    /// <summary>Tokens that are not API tokens but must never be printed either.</summary>
    private static readonly string[] OtherSecretVariables = ["GITHUB_TOKEN", "RECONCILER_GIT_TOKEN", "RECONCILER_WEBHOOK_SECRET"];

    public static SecretRedactor Read(CliConsole console) =>
        EnvironmentTokenSource.ConfiguredSecrets(console.Environment, console.EnvironmentNames())
            .With(OtherSecretVariables.Select(console.Environment));
}
