namespace TaskApi.Simulator.Control;

/// <summary>The seed file (<c>Simulator:SeedFile</c>): accounts, tasks and line residues to load at start.</summary>
internal sealed record SeedDocument(IReadOnlyList<AccountRequest>? Accounts = null, IReadOnlyList<TaskRequest>? Tasks = null, IReadOnlyList<LineRequest>? Lines = null);
