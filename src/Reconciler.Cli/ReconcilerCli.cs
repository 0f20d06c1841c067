using Reconciler.Core.State;
using System.CommandLine;
using Reconciler.Cli.Commands;
using Reconciler.Cli.Output;
using Reconciler.Core.Text;
using Reconciler.State;

namespace Reconciler.Cli;

/// <summary>The <c>reconciler</c> command line: builds the commands and turns failures into exit codes.</summary>
internal static class ReconcilerCli
{
    /// <summary>Longest wait after SIGTERM/Ctrl-C for a command to finish: beyond apply's default 30 s grace period.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(45);

    public static RootCommand Build(CliConsole console)
    {
        var root = new RootCommand("""
            Task Reconciler: keeps the call tasks of an AI outbound-calling platform equal to the YAML
            manifests in a git repository. Validate manifests, plan changes, apply them, or run as a
            service that keeps reconciling.
            """);
        root.Subcommands.Add(ValidateCommand.Create(console));
        root.Subcommands.Add(PlanCommand.Create(console));
        root.Subcommands.Add(ApplyCommand.Create(console));
        root.Subcommands.Add(RunCommand.Create(console));
        root.Subcommands.Add(StatusCommand.Create(console));
        root.Subcommands.Add(SyncCommand.Create(console));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        // Every configured token is cut out of everything printed, and flagged where a manifest holds one.
        var secrets = CliSecrets.Read(console);
        if (!secrets.IsEmpty)
        {
            console = console with { Out = new RedactingTextWriter(console.Out, secrets), Error = new RedactingTextWriter(console.Error, secrets), Secrets = secrets };
        }

        var configuration = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,

            // On SIGTERM/Ctrl-C the command's token is cancelled; System.CommandLine would return from Main
            // 2 s later, cutting short the grace period in which PUTs already sent finish and are recorded.
            ProcessTerminationTimeout = ShutdownTimeout,
        };
        try
        {
            return await Build(console).Parse(args).InvokeAsync(configuration, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await console.Error.WriteLineAsync("reconciler: cancelled");
            return ExitCodes.Error;
        }
        catch (Exception e) when (e is CliException or Reconciler.Service.ServiceSetupException or StateStoreException or IOException or UnauthorizedAccessException)
        {
            // Expected failures get one plain line (a state store's message names the file and what to do);
            // anything else is a bug and keeps its stack trace.
            await console.Error.WriteLineAsync($"reconciler: error: {ControlText.Escape(e.Message)}");
            return ExitCodes.Error;
        }
    }
}
