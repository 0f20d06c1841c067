using System.CommandLine;

namespace Reconciler.Cli.Commands.State;

/// <summary><c>reconciler state …</c>: look at the state without opening the database (like <c>terraform state</c>), and move it. Each subcommand lives in its own file.</summary>
internal static class StateCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("state", "Inspect the state (managed tasks, last-applied bodies, attempts), forget one task, or migrate it to PostgreSQL.");
        command.Subcommands.Add(StateListCommand.Create(console));
        command.Subcommands.Add(StateShowCommand.Create(console));
        command.Subcommands.Add(StateHistoryCommand.Create(console));
        command.Subcommands.Add(StateForgetCommand.Create(console));
        command.Subcommands.Add(StateMigrateCommand.Create(console));
        return command;
    }
}
