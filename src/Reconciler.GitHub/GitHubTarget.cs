using System.Text.RegularExpressions;

namespace Reconciler.GitHub;

/// <summary>Validated options: where the API is and which repository to talk to. Holds no token, so it is safe to print.</summary>
internal sealed partial record GitHubTarget(Uri ApiUrl, string Owner, string Name, TimeSpan RequestTimeout, string? CommentAuthor)
{
    public string FullName => $"{Owner}/{Name}";

    public static GitHubTarget From(GitHubOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var apiUrl = GitHubApiUrl.Normalize(options.ApiUrl);
        var (owner, name) = SplitRepository(options.Owner ?? string.Empty, options.Repository ?? string.Empty);
        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("the GitHub request timeout must be positive", nameof(options));
        }

        return new GitHubTarget(apiUrl, owner, name, options.RequestTimeout, options.CommentAuthor);
    }

    public static string ValidToken(GitHubOptions options)
    {
        var token = (options.Token ?? string.Empty).Trim();
        if (token.Length == 0)
        {
            throw new ArgumentException("the GitHub token is empty: check that GITHUB_TOKEN (or the configured token file) is set", nameof(options));
        }

        // A header value with a line break makes HttpClient throw a FormatException that quotes the whole value.
        if (token.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new ArgumentException("the GitHub token contains whitespace or control characters; check how it is read (the value is not shown)", nameof(options));
        }

        return token;
    }

    private static (string Owner, string Name) SplitRepository(string owner, string repository)
    {
        owner = owner.Trim();
        repository = repository.Trim();
        var slash = repository.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            var fromRepository = repository[..slash];
            if (owner.Length > 0 && !owner.Equals(fromRepository, StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"the owner '{owner}' disagrees with the repository '{repository}'", nameof(repository));
            }

            owner = fromRepository;
            repository = repository[(slash + 1)..];
        }

        // Both parts end up in URL paths: refuse anything that could change the path ("..", "/", "?", "%").
        if (!NamePattern().IsMatch(owner) || owner.Contains("..", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{owner}' is not a GitHub owner name; expected OWNER/NAME", nameof(owner));
        }

        if (!NamePattern().IsMatch(repository) || repository.Contains("..", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{repository}' is not a GitHub repository name; expected OWNER/NAME", nameof(repository));
        }

        return (owner, repository);
    }

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex NamePattern();
}
