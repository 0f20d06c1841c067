using System.Text.Json;
using TaskApi.Simulator.Control;

namespace TaskApi.Simulator.Hosting;

/// <summary>Loads a seed file (<c>{"accounts":[{user_id, token}], "tasks":[{user_id, task_id, ...}]}</c>) into the state.</summary>
internal static class SeedLoader
{
    public static async Task LoadAsync(string path, SimulatorState state, CancellationToken cancellationToken)
    {
        SeedDocument seed;
        try
        {
            await using var stream = File.OpenRead(path);
            seed = await JsonSerializer.DeserializeAsync<SeedDocument>(stream, ControlJson.Options, cancellationToken)
                ?? new SeedDocument();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new InvalidOperationException($"cannot load simulator seed file '{path}': {e.Message}", e);
        }

        foreach (var account in seed.Accounts ?? [])
        {
            state.RegisterAccount(account.UserId ?? "", account.Token ?? "");
        }

        foreach (var task in seed.Tasks ?? [])
        {
            state.CreateTask(task.ToDefinition());
        }

        foreach (var line in seed.Lines ?? [])
        {
            state.Lines.Set(line.Id ?? "", line.Residue);
        }
    }
}
