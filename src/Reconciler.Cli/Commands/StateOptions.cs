using System.CommandLine;
using Reconciler.Core.State;
using Reconciler.Service.State;

namespace Reconciler.Cli.Commands;

/// <summary>The <c>--state</c> and <c>--rebind-state</c> options, and how commands open the store they name.</summary>
internal sealed class StateOptions
{
    public const string DefaultPath = ".reconciler/state.db";

    /// <summary>The built-in simulator's own default: a trial never touches the state of the real platform.</summary>
    public const string SimulatorDefaultPath = ".reconciler/simulator.db";

    /// <summary>Where the embedded simulator keeps its platform's tasks beside its default state (Apply/SimulatorPlatformFile).</summary>
    public const string SimulatorPlatformPath = ".reconciler/simulator-platform.json";

    /// <param name="simulatorDefault">The command takes <c>--simulator</c> (apply, plan), whose default state is the simulator's own: the help says so only there.</param>
    public StateOptions(bool simulatorDefault = false)
    {
        State = new("--state")
        {
            Description = $"State: an SQLite file (last-applied inventory, intents and history), or a shared PostgreSQL database (postgres://user@host:port/db?search_path=… or Host=…;Database=…; password from RECONCILER_STATE_PASSWORD, RECONCILER_STATE_PASSWORD_FILE or PGPASSWORD). Default: {DefaultPath} under the current directory"
                + (simulatorDefault ? $" ({SimulatorDefaultPath} with --simulator)." : "."),
            HelpName = "FILE|URL",
        };
    }

    public Option<string?> State { get; }

    public Option<bool> Rebind { get; } = new("--rebind-state")
    {
        Description = "The state records another API endpoint: bind it to this one, forgetting its records (every task is adopted again; the history is kept).",
    };

    /// <summary>The store typed (a path resolved against the working directory, or a PostgreSQL spec), or the default for this kind of run.</summary>
    public StateLocation Location(ParseResult result, CliConsole console, bool simulator = false) =>
        StateStoreLocator.Resolve(result.GetValue(State) ?? (simulator ? SimulatorDefaultPath : DefaultPath), console.WorkingDirectory);

    public bool IsDefault(ParseResult result) => result.GetValue(State) is null;

    /// <summary>The store as a saved plan records it: an SQLite path as typed (relative to where the command ran), a PostgreSQL URL without password.</summary>
    public string Display(ParseResult result, CliConsole console) =>
        Location(result, console) is { IsPostgres: true } shared ? shared.Display : result.GetValue(State) ?? DefaultPath;

    /// <summary>With --simulator and no --state: says on stderr which state the trial uses, and that the platform's is untouched.</summary>
    public async Task SaySimulatorStateAsync(ParseResult result, CliConsole console)
    {
        if (IsDefault(result))
        {
            await console.Error.WriteLineAsync($"reconciler: state: {SimulatorDefaultPath} (the simulator's own; the platform's state is not touched)");
        }
    }

    /// <summary>For plans: the store when it exists (null otherwise), so a plan never creates a state file or schema.</summary>
    public Task<IStateStore?> OpenIfExistsAsync(ParseResult result, CliConsole console, CancellationToken cancellationToken, bool simulator = false) =>
        StateStoreLocator.OpenIfExistsAsync(Location(result, console, simulator), console.Environment, null, cancellationToken);

    /// <summary>For inspection: the store, which must exist (inspecting never creates one).</summary>
    /// <exception cref="CliException">There is no state at the path.</exception>
    public async Task<IStateStore> OpenExistingAsync(ParseResult result, CliConsole console, CancellationToken cancellationToken) =>
        await OpenIfExistsAsync(result, console, cancellationToken)
        ?? throw new CliException($"no state at '{result.GetValue(State) ?? DefaultPath}' (nothing applied yet, or give --state)");

    public Task<IStateStore> OpenAsync(ParseResult result, CliConsole console, bool simulator, CancellationToken cancellationToken) =>
        StateStoreLocator.OpenAsync(Location(result, console, simulator), console.Environment, null, cancellationToken);

    /// <summary>Binds the store to the endpoint in use (or refuses one bound elsewhere) before anything is planned against it.</summary>
    /// <exception cref="CliException">The store is bound to another endpoint and --rebind-state was not given.</exception>
    public async Task BindAsync(IStateStore store, string endpoint, ParseResult result, CliConsole console, CancellationToken cancellationToken)
    {
        // The store as the user would type it: the default file by its path, a PostgreSQL URL without its password.
        var given = result.GetValue(State) ?? (endpoint == StateEndpoint.EmbeddedSimulator ? SimulatorDefaultPath : DefaultPath);
        var typed = Location(result, console) is { IsPostgres: true } shared ? shared.Display : given;
        try
        {
            if (await StateEndpoint.EnsureAsync(store, endpoint, result.GetValue(Rebind), cancellationToken) is { } previous)
            {
                await console.Error.WriteLineAsync($"reconciler: state '{typed}' re-bound from {previous} to {endpoint}: its records were forgotten, every task is adopted again");
            }
        }
        catch (StateEndpointMismatchException e)
        {
            throw new CliException($"state store '{typed}' cannot be used here: {e.Message}", e);
        }
    }
}
