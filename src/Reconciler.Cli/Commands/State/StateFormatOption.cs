using System.CommandLine;

namespace Reconciler.Cli.Commands.State;

/// <summary>Creates the <c>--format text|json</c> option of a state command.</summary>
internal static class StateFormatOption
{
    public static Option<StateFormat> Create() => new("--format")
    {
        Description = "Output format: text (default) or json.",
        DefaultValueFactory = _ => StateFormat.Text,
    };
}
