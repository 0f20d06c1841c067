using System.CommandLine;

namespace Reconciler.Cli.Commands.State;

/// <summary><c>reconciler state …</c>: commands about the state store itself. Each subcommand lives in its own file.</summary>
internal static class StateCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("state", "Work with the state store (the last-applied inventory, intents, history and runs).");
        command.Subcommands.Add(StateMigrateCommand.Create(console));
        return command;
    }
}
