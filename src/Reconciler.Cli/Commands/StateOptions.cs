using System.CommandLine;
using Reconciler.Core.State;
using Reconciler.State;

namespace Reconciler.Cli.Commands;

/// <summary>The <c>--state</c> option and how commands open the store it names.</summary>
internal sealed class StateOptions
{
    public const string DefaultPath = ".reconciler/state.db";

    public Option<string> State { get; } = new("--state")
    {
        Description = $"SQLite state file (last-applied inventory and history). Default: {DefaultPath} under the current directory.",
        DefaultValueFactory = _ => DefaultPath,
    };

    public string Path(ParseResult result, CliConsole console) => console.ResolvePath(result.GetValue(State) ?? DefaultPath);

    /// <summary>For plans: the store when its file exists (null otherwise), so a plan never creates a state file.</summary>
    public async Task<IStateStore?> OpenIfExistsAsync(ParseResult result, CliConsole console, CancellationToken cancellationToken)
    {
        var path = Path(result, console);
        return File.Exists(path) ? await SqliteStateStore.OpenAsync(path, cancellationToken: cancellationToken) : null;
    }

    public async Task<IStateStore> OpenAsync(ParseResult result, CliConsole console, CancellationToken cancellationToken) =>
        await SqliteStateStore.OpenAsync(Path(result, console), cancellationToken: cancellationToken);
}
