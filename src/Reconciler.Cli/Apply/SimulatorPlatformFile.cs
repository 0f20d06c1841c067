using System.Text.Json;
using System.Text.Json.Serialization;
using Reconciler.Service.State;
using TaskApi.Simulator;

namespace Reconciler.Cli.Apply;

/// <summary>
/// What the embedded simulator's platform holds between runs (its tasks: identity, flavour, run state and the last body it
/// accepted), kept beside the simulator's own state file (<c>.reconciler/simulator.db</c> →
/// <c>.reconciler/simulator-platform.json</c>), so a trial behaves like a platform: what one apply sent, the next
/// <c>--refresh</c> reads back. The format is ours; bodies are kept as the exact text the simulator received.
/// </summary>
internal static class SimulatorPlatformFile
{
    private const int Version = 1;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The file beside an SQLite state; null for a PostgreSQL state (then the simulator starts empty each run).</summary>
    public static string? For(StateLocation state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.IsPostgres ? null : Path.Combine(Path.GetDirectoryName(state.Spec)!, Path.GetFileNameWithoutExtension(state.Spec) + "-platform.json");
    }

    /// <summary>Where the simulated platform is kept, for the line that says which platform a command talks to.</summary>
    public static string Describe(string? path, CliConsole console) => path is null
        ? "; its tasks are not kept between runs (a PostgreSQL state)"
        : $"; its tasks are kept in {Path.GetRelativePath(console.WorkingDirectory, path)}";

    /// <summary>The tasks kept by an earlier run; none when the file does not exist yet.</summary>
    /// <exception cref="CliException">The file exists but is not one this version wrote.</exception>
    public static IReadOnlyList<TaskDefinition> Load(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        try
        {
            var stored = JsonSerializer.Deserialize<Stored>(File.ReadAllText(path), Json);
            if (stored is not { Version: Version, Tasks: { } tasks } || tasks.Any(t => string.IsNullOrEmpty(t.UserId) || string.IsNullOrEmpty(t.TaskId)))
            {
                throw new JsonException($"not a version {Version} simulator platform file");
            }

            return tasks.Select(t => new TaskDefinition(t.UserId, t.TaskId) { SubUserId = t.SubUserId, Flavour = t.Flavour, Status = t.Status, InitialBody = t.Body }).ToList();
        }
        catch (JsonException e)
        {
            throw new CliException($"the embedded simulator's platform file '{path}' cannot be read ({e.Message}); delete it to start the simulated platform empty", e);
        }
    }

    /// <summary>Writes the simulator's tasks whole (a temporary file renamed over the old one: never half written).</summary>
    public static void Save(string path, IReadOnlyList<TaskSnapshot> tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var stored = new Stored(Version, tasks.Select(t => new StoredTask(t.UserId, t.TaskId, t.SubUserId, t.Flavour, t.Status, t.Body)).ToList());
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(stored, Json));
        File.Move(temporary, path, overwrite: true);
    }

    private sealed record Stored(int Version, List<StoredTask>? Tasks);

    private sealed record StoredTask(string UserId, string TaskId, string? SubUserId, TaskFlavour Flavour, SimulatedTaskStatus Status, string? Body);
}
