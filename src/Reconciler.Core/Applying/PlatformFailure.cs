namespace Reconciler.Core.Applying;

/// <summary>
/// A failure that is not one task's but the platform's or an account's: every later request would end the same way,
/// so a run stops sending at the first one (<see cref="PlatformGate"/>) and reports it once.
/// </summary>
/// <param name="UserId">The account whose token was refused (or missing); null for an unreachable platform (every account).</param>
/// <param name="Message">One line that says what happened, where (the URL, the token's variable) and what to check. Never holds a token.</param>
public sealed record PlatformFailure(PlatformFailureKind Kind, string? UserId, string Message)
{
    /// <summary>Whether this failure stops requests for <paramref name="userId"/>.</summary>
    public bool Covers(string userId) => UserId is null || string.Equals(UserId, userId, StringComparison.Ordinal);
}
