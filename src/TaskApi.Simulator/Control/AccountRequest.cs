namespace TaskApi.Simulator.Control;

/// <summary><c>POST /_simulator/accounts</c>, and an entry of a seed file's <c>accounts</c>.</summary>
internal sealed record AccountRequest(string? UserId, string? Token);
