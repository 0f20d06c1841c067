namespace Reconciler.Testing.GitHub;

/// <summary>A pull request as the fake serves it. <see cref="HeadRepository"/> null means "same repository".</summary>
public sealed record FakePullRequest(int Number, string HeadSha)
{
    /// <summary>"open" or "closed".</summary>
    public string State { get; init; } = "open";

    /// <summary>The pull request branch.</summary>
    public string HeadRef { get; init; } = $"feature/{Number}";

    /// <summary>The base branch.</summary>
    public string BaseRef { get; init; } = "main";

    /// <summary>The base commit.</summary>
    public string BaseSha { get; init; } = "0000000000000000000000000000000000000b45";

    /// <summary>True for a merged (and therefore closed) pull request.</summary>
    public bool Merged { get; init; }

    /// <summary>The commit the merge made on the base branch (merge, squash or the last rebased commit); null while not merged.</summary>
    public string? MergeCommitSha { get; init; }

    /// <summary>Who merged it.</summary>
    public string? MergedBy { get; init; }

    /// <summary><c>owner/name</c> of a fork holding the head branch; null for a branch in the same repository.</summary>
    public string? HeadRepository { get; init; }

    /// <summary>The title.</summary>
    public string Title { get; init; } = $"Change tasks ({Number})";

    /// <summary>When it was opened; defaults to the fake's clock.</summary>
    public DateTimeOffset? CreatedAt { get; init; }
}
