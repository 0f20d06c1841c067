using System.Text;
using Reconciler.Core.Secrets;

namespace Reconciler.TaskApi.Auth;

/// <summary>
/// Tokens from the environment and mounted secret files, most specific first:
/// <c>RECONCILER_API_TOKEN__&lt;USER_ID&gt;</c>, a <c>user_id=token</c> line of the file named by
/// <c>RECONCILER_API_TOKENS_FILE</c>, <c>RECONCILER_API_TOKEN</c>, the file named by <c>RECONCILER_API_TOKEN_FILE</c>.
/// Files are read on every lookup, so a rotated secret is picked up without a restart.
/// </summary>
public sealed class EnvironmentTokenSource : ITokenSource
{
    public const string DefaultVariable = "RECONCILER_API_TOKEN";
    public const string DefaultFileVariable = "RECONCILER_API_TOKEN_FILE";
    public const string TokensFileVariable = "RECONCILER_API_TOKENS_FILE";
    public const string PerUserPrefix = "RECONCILER_API_TOKEN__";

    private readonly Func<string, string?> _getVariable;

    public EnvironmentTokenSource()
        : this(Environment.GetEnvironmentVariable)
    {
    }

    /// <summary>For tests: reads variables through <paramref name="getVariable"/> instead of the process environment.</summary>
    public EnvironmentTokenSource(Func<string, string?> getVariable) =>
        _getVariable = getVariable ?? throw new ArgumentNullException(nameof(getVariable));

    /// <summary><c>RECONCILER_API_TOKEN__</c> + the user id upper-cased, every non-alphanumeric character as <c>_</c>.</summary>
    public static string PerUserVariable(string userId)
    {
        ArgumentNullException.ThrowIfNull(userId);
        var name = new StringBuilder(PerUserPrefix, PerUserPrefix.Length + userId.Length);
        foreach (var c in userId)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_');
        }

        return name.ToString();
    }

    public TokenLookup GetToken(string userId)
    {
        ArgumentNullException.ThrowIfNull(userId);
        var perUser = PerUserVariable(userId);
        if (Variable(perUser) is { } value)
        {
            return Wrap(value, perUser);
        }

        if (Variable(TokensFileVariable) is { } tokensFile)
        {
            var fromFile = TokensFile.Find(tokensFile, userId, TokensFileVariable);
            if (fromFile.Token is not null || fromFile.Problem is not null)
            {
                return fromFile;
            }
        }

        if (Variable(DefaultVariable) is { } defaultValue)
        {
            return Wrap(defaultValue, DefaultVariable);
        }

        if (Variable(DefaultFileVariable) is { } defaultFile)
        {
            return ReadDefaultFile(defaultFile);
        }

        return TokenLookup.Missing(
            $"no API token for account {userId}: set {perUser} or {DefaultVariable} " +
            $"(or {DefaultFileVariable} / {TokensFileVariable} to files holding them)");
    }

    /// <summary>
    /// Every API token configured in the environment, as a redactor (the values never leave it): the default
    /// variable and file, each line of the tokens file, and every per-user variable among <paramref name="variableNames"/>.
    /// Unreadable files add nothing here (a lookup reports them).
    /// </summary>
    public static SecretRedactor ConfiguredSecrets(Func<string, string?> getVariable, IEnumerable<string> variableNames)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        ArgumentNullException.ThrowIfNull(variableNames);
        var values = new List<string?> { getVariable(DefaultVariable) };
        values.AddRange(variableNames.Where(n => n.StartsWith(PerUserPrefix, StringComparison.Ordinal)).Select(getVariable));
        if (getVariable(DefaultFileVariable) is { Length: > 0 } defaultFile)
        {
            values.Add(TryRead(defaultFile));
        }

        if (getVariable(TokensFileVariable) is { Length: > 0 } tokensFile && TryRead(tokensFile) is { } lines)
        {
            values.AddRange(lines.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#') && l.Contains('=', StringComparison.Ordinal)).Select(l => l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..]));
        }

        return new SecretRedactor(values);
    }

    private static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private string? Variable(string name) => _getVariable(name) is { } value && value.Trim().Length > 0 ? value : null;

    private static TokenLookup ReadDefaultFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return TokenLookup.Missing($"cannot read the token file named by {DefaultFileVariable} ({path}): {e.GetType().Name}");
        }

        return Wrap(text, $"{DefaultFileVariable} ({path})");
    }

    internal static TokenLookup Wrap(string value, string source)
    {
        try
        {
            return TokenLookup.Found(ApiToken.FromSecret(value), source);
        }
        catch (ArgumentException e)
        {
            return TokenLookup.Missing($"the token from {source} is unusable: {e.Message}");
        }
    }
}
