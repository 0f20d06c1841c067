namespace Reconciler.GitHub;

/// <summary>The merged pull request a commit on the watched branch came from: its number, who merged it, and its last head (where approvals count).</summary>
public sealed record MergedPullRequest(int Number, string? MergedBy, string HeadSha);
