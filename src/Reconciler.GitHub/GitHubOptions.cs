using Reconciler.Core.Secrets;
using System.Text;

namespace Reconciler.GitHub;

/// <summary>
/// Where and as whom to publish. <paramref name="Repository"/> may be <c>OWNER/NAME</c>, in which case
/// <paramref name="Owner"/> may be empty. <paramref name="ApiUrl"/> is <see cref="DefaultApiUrl"/> for
/// github.com; for GitHub Enterprise Server give <c>https://host/api/v3</c> (or just <c>https://host</c>).
/// Printing these options never prints the token.
/// </summary>
public sealed record GitHubOptions(Uri ApiUrl, string Token, string Owner, string Repository)
{
    /// <summary>github.com's REST API.</summary>
    public static Uri DefaultApiUrl { get; } = new("https://api.github.com/");

    /// <summary>How long one HTTP request to GitHub may take before it counts as a timeout.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// When set, only comments written by this login (e.g. <c>github-actions[bot]</c>) count as ours,
    /// so a person pasting the marker into their own comment cannot capture the plan.
    /// </summary>
    public string? CommentAuthor { get; init; }

    /// <summary>Options for <c>OWNER/NAME</c> on github.com, or on <paramref name="apiUrl"/> when given.</summary>
    public static GitHubOptions For(string repository, string token, Uri? apiUrl = null) =>
        new(apiUrl ?? DefaultApiUrl, token, string.Empty, repository);

    // Records print every property by default; the token must never reach a log line.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("ApiUrl = ").Append(ApiUrl)
            .Append(", Token = ").Append(string.IsNullOrEmpty(Token) ? "(empty)" : SecretRedactor.Mask)
            .Append(", Owner = ").Append(Owner)
            .Append(", Repository = ").Append(Repository)
            .Append(", RequestTimeout = ").Append(RequestTimeout)
            .Append(", CommentAuthor = ").Append(CommentAuthor);
        return true;
    }
}
