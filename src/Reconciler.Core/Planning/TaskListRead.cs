namespace Reconciler.Core.Planning;

/// <summary>What listing an account's tasks gave: their ids (every page), or why the list could not be read.</summary>
public sealed record TaskListRead(IReadOnlyList<string> TaskIds, string? Problem);
