namespace Reconciler.Core.Guardrails;

/// <summary>One review of a pull request as GitHub's reviews API lists it.</summary>
/// <param name="State">GitHub's word: <c>APPROVED</c>, <c>CHANGES_REQUESTED</c>, <c>COMMENTED</c>, <c>DISMISSED</c>, <c>PENDING</c>.</param>
/// <param name="CommitId">The commit the review was made on.</param>
public sealed record PullRequestReview(long Id, string Login, string State, string? CommitId, DateTimeOffset? SubmittedAt);
