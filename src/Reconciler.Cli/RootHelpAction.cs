using System.CommandLine;
using System.CommandLine.Invocation;

namespace Reconciler.Cli;

/// <summary>
/// <c>reconciler --help</c> (and bare <c>reconciler</c>): usage and one line per command, like <c>git</c> and
/// <c>flux</c>. The long text (what a command does, exit codes, examples) is each command's own description,
/// shown by <c>reconciler COMMAND --help</c> through the library's help, which this passes to.
/// </summary>
internal sealed class RootHelpAction(CommandLineAction commandHelp, IReadOnlyDictionary<string, string> summaries) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        if (parseResult.CommandResult.Command is not RootCommand root)
        {
            return commandHelp is SynchronousCommandLineAction synchronous ? synchronous.Invoke(parseResult) : 0;
        }

        var output = parseResult.InvocationConfiguration.Output;
        output.WriteLine(root.Description);
        output.WriteLine();
        output.WriteLine("Usage: reconciler COMMAND [options]");
        output.WriteLine();
        output.WriteLine("Commands:");
        var width = root.Subcommands.Max(c => c.Name.Length) + 2;
        foreach (var command in root.Subcommands)
        {
            output.WriteLine($"  {command.Name.PadRight(width)}{summaries.GetValueOrDefault(command.Name, "")}");
        }

        output.WriteLine();
        output.WriteLine("Options:");
        output.WriteLine($"  {"-h, --help".PadRight(width + 4)}Show help: `reconciler COMMAND --help` for a command's options and examples.");
        output.WriteLine($"  {"--version".PadRight(width + 4)}Show the version.");
        output.WriteLine();
        output.WriteLine("Start with: reconciler apply sample-repo --simulator --auto-approve");
        return 0;
    }
}
