using Octokit;

namespace Reconciler.GitHub;

/// <summary>Whose comments count as ours: one login (compared as GitHub does, ignoring case), or any bot account.</summary>
internal sealed record CommentAuthor(string? LoginName)
{
    /// <summary>When the token cannot say who it is (an app's installation token): only bot accounts, never a person.</summary>
    public static readonly CommentAuthor AnyBot = new((string?)null);

    public static CommentAuthor Login(string login) => new(login);

    public bool Wrote(IssueComment comment) => LoginName is { } login
        ? string.Equals(comment.User?.Login, login, StringComparison.OrdinalIgnoreCase)
        : comment.User?.Type == AccountType.Bot;
}
