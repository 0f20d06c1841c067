namespace Reconciler.Core.Guardrails;

/// <summary>
/// Who approves the pull request's head, from its reviews. Our rule (docs/policies.md): per reviewer only the latest
/// review that decides something counts (approved, changes requested, dismissed; a plain comment changes nothing), and
/// it approves only when it is an approval made on the head commit: a review of an older commit does not count for a
/// new push, whether or not the repository dismisses stale reviews.
/// </summary>
public static class Approvals
{
    private static readonly string[] Deciding = ["APPROVED", "CHANGES_REQUESTED", "DISMISSED"];

    /// <returns>The logins (compared ignoring case, as GitHub does) whose standing review approves <paramref name="headSha"/>.</returns>
    public static IReadOnlySet<string> OnHead(IEnumerable<PullRequestReview> reviews, string headSha)
    {
        ArgumentNullException.ThrowIfNull(reviews);
        return reviews
            .Where(r => Deciding.Contains(r.State, StringComparer.OrdinalIgnoreCase))
            .GroupBy(r => r.Login, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.OrderBy(r => r.SubmittedAt ?? DateTimeOffset.MinValue).ThenBy(r => r.Id).Last())
            .Where(r => r.State.Equals("APPROVED", StringComparison.OrdinalIgnoreCase) && string.Equals(r.CommitId, headSha, StringComparison.OrdinalIgnoreCase))
            .Select(r => r.Login)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }
}
