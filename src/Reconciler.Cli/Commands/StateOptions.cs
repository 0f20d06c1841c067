using System.CommandLine;
using Reconciler.Core.Manifests;
using Reconciler.Core.State;
using Reconciler.State;

namespace Reconciler.Cli.Commands;

/// <summary>The <c>--state</c> option and how commands open the store it names.</summary>
public sealed class StateOptions
{
    public const string DefaultPath = ".reconciler/state.db";

    public Option<string> State { get; } = new("--state")
    {
        Description = $"SQLite state file (last-applied inventory and history). Default: {DefaultPath} under the current directory.",
        DefaultValueFactory = _ => DefaultPath,
    };

    public string Path(ParseResult result, CliConsole console) => console.ResolvePath(result.GetValue(State) ?? DefaultPath);

    /// <summary>For plans: reads the inventory without creating a file when there is none yet.</summary>
    public async Task<IReadOnlyDictionary<TaskIdentity, AppliedRecord>> ReadInventoryAsync(ParseResult result, CliConsole console, CancellationToken cancellationToken)
    {
        var path = Path(result, console);
        if (!File.Exists(path))
        {
            return new Dictionary<TaskIdentity, AppliedRecord>();
        }

        await using var store = await SqliteStateStore.OpenAsync(path, cancellationToken: cancellationToken);
        return await store.LoadAppliedAsync(cancellationToken);
    }

    public async Task<IStateStore> OpenAsync(ParseResult result, CliConsole console, CancellationToken cancellationToken) =>
        await SqliteStateStore.OpenAsync(Path(result, console), cancellationToken: cancellationToken);
}
