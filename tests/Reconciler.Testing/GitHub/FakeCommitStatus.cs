namespace Reconciler.Testing.GitHub;

/// <summary>A commit status as the fake received it.</summary>
public sealed record FakeCommitStatus(
    long Id,
    string Sha,
    string State,
    string Context,
    string? Description,
    string? TargetUrl,
    string CreatorLogin,
    DateTimeOffset CreatedAt);
