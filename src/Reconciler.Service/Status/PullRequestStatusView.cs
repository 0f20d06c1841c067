namespace Reconciler.Service.Status;

/// <summary>A pull request whose plan the service posted.</summary>
public sealed record PullRequestStatusView(int Number, string HeadSha, DateTimeOffset PlannedAt, string Summary, string? CommentUrl, string? Error);
