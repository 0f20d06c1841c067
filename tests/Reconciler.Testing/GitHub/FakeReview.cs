namespace Reconciler.Testing.GitHub;

/// <summary>A pull request review as the fake serves it (<c>state</c>: APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED).</summary>
public sealed record FakeReview(long Id, int PullRequest, string Login, string State, string CommitId, DateTimeOffset SubmittedAt);
