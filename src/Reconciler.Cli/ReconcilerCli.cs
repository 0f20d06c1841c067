using System.CommandLine;
using Reconciler.Cli.Commands;

namespace Reconciler.Cli;

/// <summary>The <c>reconciler</c> command line: builds the commands and turns failures into exit codes.</summary>
public static class ReconcilerCli
{
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
        root.Subcommands.Add(Service.RunCommand.Create(console));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var configuration = new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false };
        try
        {
            return await Build(console).Parse(args).InvokeAsync(configuration, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await console.Error.WriteLineAsync("reconciler: cancelled");
            return ExitCodes.Error;
        }
        catch (Exception e) when (e is CliException or IOException or UnauthorizedAccessException)
        {
            // Expected failures get one plain line; anything else is a bug and keeps its stack trace.
            await console.Error.WriteLineAsync($"reconciler: error: {e.Message}");
            return ExitCodes.Error;
        }
    }
}
