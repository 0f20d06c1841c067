namespace TaskApi.Simulator.Control;

/// <summary>The seed file (<c>Simulator:SeedFile</c>): accounts and tasks to load at start.</summary>
internal sealed record SeedDocument(IReadOnlyList<AccountRequest>? Accounts = null, IReadOnlyList<TaskRequest>? Tasks = null);
