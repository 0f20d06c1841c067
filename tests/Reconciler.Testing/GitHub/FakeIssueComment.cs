namespace Reconciler.Testing.GitHub;

/// <summary>A comment as the fake stores it.</summary>
public sealed record FakeIssueComment(
    long Id,
    int IssueNumber,
    string Body,
    string AuthorLogin,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
