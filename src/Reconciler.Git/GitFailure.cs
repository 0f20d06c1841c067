namespace Reconciler.Git;

/// <summary>Builds <see cref="GitSourceException"/>s whose text is scrubbed of secrets, and sorts libgit2 failures into kinds.</summary>
internal static class GitFailure
{
    public static GitSourceException Create(GitSourceErrorKind kind, string message, Exception? cause, GitCredentials? credentials)
    {
        var scrubbed = credentials is null ? RemoteUrl.Redact(message) : credentials.Scrub(message);

        // The cause travels only when its own text is already clean, so ToString() cannot leak either.
        var keepCause = cause is not null && CleanAll(cause, credentials);
        return new GitSourceException(kind, scrubbed, keepCause ? cause : null);
    }

    /// <summary>A fetch failed: authentication problems are told apart from everything else, which is "unreachable".</summary>
    public static GitSourceException FromFetch(Exception cause, RemoteUrl url, GitCredentials credentials)
    {
        var detail = cause.Message;
        if (IsAuthentication(cause))
        {
            var hint = credentials.Password is null
                ? $" (no credentials were offered: set {GitCredentials.TokenVariable} or {GitCredentials.FallbackTokenVariable})"
                : "";
            return Create(GitSourceErrorKind.AuthenticationFailed, $"authentication to {url.Display} failed: {detail}{hint}", cause, credentials);
        }

        return Create(GitSourceErrorKind.Unreachable, $"could not fetch from {url.Display}: {detail}", cause, credentials);
    }

    public static GitSourceException CorruptCache(string cachePath, string what, Exception? cause) =>
        Create(GitSourceErrorKind.CorruptCache, $"the clone cache at {cachePath} is damaged: {what}", cause, null);

    private static bool IsAuthentication(Exception cause)
    {
        var message = cause.Message;
        return message.Contains("authentication", StringComparison.OrdinalIgnoreCase)
            || message.Contains("credentials", StringComparison.OrdinalIgnoreCase)
            || message.Contains("401", StringComparison.Ordinal)
            || message.Contains("403", StringComparison.Ordinal)
            || message.Contains("unauthorized", StringComparison.OrdinalIgnoreCase);
    }

    private static bool CleanAll(Exception cause, GitCredentials? credentials)
    {
        for (var e = cause; e is not null; e = e.InnerException)
        {
            var text = e.Message;
            var scrubbed = credentials is null ? RemoteUrl.Redact(text) : credentials.Scrub(text);
            if (!string.Equals(text, scrubbed, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
