using Reconciler.Core.State;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
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
        var root = new RootCommand("Task Reconciler: keeps the call tasks of an AI outbound-calling platform equal to YAML manifests in git.");
        root.Subcommands.Add(ValidateCommand.Create(console));
        root.Subcommands.Add(PlanCommand.Create(console));
        root.Subcommands.Add(ApplyCommand.Create(console));
        root.Subcommands.Add(RunCommand.Create(console));
        root.Subcommands.Add(ImportCommand.Create(console));
        root.Subcommands.Add(Commands.State.StateCommand.Create(console));
        root.Subcommands.Add(StatusCommand.Create(console));
        root.Subcommands.Add(SyncCommand.Create(console));
        root.Subcommands.Add(RollbackCommand.Create(console));

        // `reconciler --help` lists one line per command; the long text (what it does, exit codes, examples)
        // is each command's own description, shown by `reconciler COMMAND --help`.
        if (root.Options.OfType<HelpOption>().FirstOrDefault() is { Action: { } commandHelp } helpOption)
        {
            helpOption.Action = new RootHelpAction(commandHelp, Summaries);
        }

        return root;
    }

    /// <summary>One line per command for <c>reconciler --help</c>.</summary>
    public static readonly IReadOnlyDictionary<string, string> Summaries = new Dictionary<string, string>
    {
        ["validate"] = "Check manifests against the schemas and the API document's rules.",
        ["plan"] = "Show what apply would change, or what a pull request changes.",
        ["apply"] = "Plan, ask, then send the PUTs the plan calls for.",
        ["run"] = "Run as a service that keeps the platform equal to a branch.",
        ["import"] = "Write manifests for tasks that already exist on the platform.",
        ["state"] = "Inspect the state: what was applied, when, and the API's answers.",
        ["status"] = "Show what a running service is doing, problems first.",
        ["sync"] = "Ask a running service to reconcile now.",
        ["rollback"] = "Apply an earlier revision's manifests now, and hold the branch's.",
    };

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        // Every configured token is cut out of everything printed, and flagged where a manifest holds one.
        var secrets = CliSecrets.Read(console.Environment, console.EnvironmentNames());
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
            var parse = Build(console).Parse(args.Length == 0 ? ["--help"] : args);
            if (parse.Errors.Count > 0 && parse.Action is ParseErrorAction)
            {
                // A typo gets the error and a "did you mean", not the whole help.
                await ParseErrors.WriteAsync(parse, console.Error);
                return ExitCodes.Error;
            }

            return await parse.InvokeAsync(configuration, cancellationToken);
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
