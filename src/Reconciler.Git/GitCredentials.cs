using LibGit2Sharp;
using LibGit2Sharp.Handlers;
using Reconciler.Core.Secrets;

namespace Reconciler.Git;

/// <summary>
/// Credentials for one fetch, and the list of secrets that must never reach a message.
/// A token goes to https remotes, and to plain http only on loopback (test servers, local mirrors),
/// never in a URL: libgit2 asks for it through the callback when the server demands it.
/// </summary>
internal sealed class GitCredentials
{
    public const string TokenVariable = "RECONCILER_GIT_TOKEN";
    public const string FallbackTokenVariable = "GITHUB_TOKEN";
    public const string TokenUserName = "x-access-token";

    private readonly SecretRedactor _secrets;

    private GitCredentials(string? userName, string? password, string[] secrets)
    {
        UserName = userName;
        Password = password;
        _secrets = new SecretRedactor(secrets);
    }

    public string? UserName { get; }

    public string? Password { get; }

    public static GitCredentials For(RemoteUrl url, Func<string, string?> environment)
    {
        var token = NonEmpty(environment(TokenVariable)) ?? NonEmpty(environment(FallbackTokenVariable));
        var secrets = new[] { token, url.Password }.OfType<string>().Where(s => s.Length > 0).ToArray();
        if (url.Password is not null)
        {
            return new GitCredentials(url.UserName ?? TokenUserName, url.Password, secrets);
        }

        var tokenAllowed = url.IsHttps || (url.IsHttp && url.IsLoopback);
        return token is not null && tokenAllowed
            ? new GitCredentials(url.UserName ?? TokenUserName, token, secrets)
            : new GitCredentials(null, null, secrets);
    }

    /// <summary>The libgit2 callback, or null when there is nothing to offer (libgit2 then reports the 401 itself).</summary>
    public CredentialsHandler? Handler()
    {
        if (Password is null)
        {
            return null;
        }

        var userName = UserName ?? TokenUserName;
        var password = Password;
        return (_, _, _) => new UsernamePasswordCredentials { Username = userName, Password = password };
    }

    /// <summary>Replaces every known secret and any URL userinfo in a text (a libgit2 message) before it is shown.</summary>
    public string Scrub(string text)
    {
        return _secrets.Redact(RemoteUrl.Redact(text));
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
