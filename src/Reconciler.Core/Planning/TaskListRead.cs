namespace Reconciler.Core.Planning;

/// <summary>What listing an account's tasks gave: their ids (every page), or why the list could not be read.</summary>
public sealed record TaskListRead(IReadOnlyList<string> TaskIds, string? Problem)
{
    /// <summary>Set when the list could not be read because of the platform or the account (unreachable, token refused).</summary>
    public Applying.PlatformFailure? Platform { get; init; }
}
