namespace Reconciler.TaskApi.Auth;

/// <summary>A mounted secret of <c>user_id=token</c> lines; blank lines and <c>#</c> comments are skipped.</summary>
internal static class TokensFile
{
    /// <summary>The account's token, a problem (unreadable or malformed file), or neither when the account is not listed.</summary>
    public static TokenLookup Find(string path, string userId, string variable)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return TokenLookup.Missing($"cannot read the tokens file named by {variable} ({path}): {e.GetType().Name}");
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var separator = line.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0)
            {
                // Never quote the line: it may be a bare token.
                return TokenLookup.Missing($"line {i + 1} of the tokens file named by {variable} ({path}) is not user_id=token");
            }

            if (string.Equals(line[..separator].Trim(), userId, StringComparison.OrdinalIgnoreCase))
            {
                return EnvironmentTokenSource.Wrap(line[(separator + 1)..], $"{variable} ({path}, line {i + 1})");
            }
        }

        return new TokenLookup(null, null, null);
    }
}
