using System.Net;

namespace Reconciler.GitHub;

/// <summary>Turns what a user configures as the API URL into the base address Octokit resolves paths against.</summary>
internal static class GitHubApiUrl
{
    /// <summary>
    /// Rules: github.com means api.github.com; the path always ends with "/" (without it, resolving
    /// "repos/…" against "https://host/api/v3" drops "v3" and then "api"); a bare Enterprise host gets
    /// "api/v3/"; plain http only to loopback, so the token never crosses a network in clear text.
    /// </summary>
    public static Uri Normalize(Uri apiUrl)
    {
        ArgumentNullException.ThrowIfNull(apiUrl);
        if (!apiUrl.IsAbsoluteUri)
        {
            throw new ArgumentException($"the GitHub API URL '{apiUrl}' must be absolute, e.g. https://api.github.com", nameof(apiUrl));
        }

        if (apiUrl.Scheme != Uri.UriSchemeHttps && apiUrl.Scheme != Uri.UriSchemeHttp)
        {
            throw new ArgumentException($"the GitHub API URL must use https, not {apiUrl.Scheme}", nameof(apiUrl));
        }

        if (apiUrl.Scheme == Uri.UriSchemeHttp && !IsLoopback(apiUrl))
        {
            throw new ArgumentException(
                $"the GitHub API URL {apiUrl.GetLeftPart(UriPartial.Authority)} must use https: plain http is allowed only to loopback",
                nameof(apiUrl));
        }

        if (!string.IsNullOrEmpty(apiUrl.UserInfo))
        {
            // Credentials in the URL would be printed wherever the URL is; the token goes in GitHubOptions.Token.
            throw new ArgumentException("the GitHub API URL must not contain credentials; pass the token separately", nameof(apiUrl));
        }

        if (!string.IsNullOrEmpty(apiUrl.Query) || !string.IsNullOrEmpty(apiUrl.Fragment))
        {
            throw new ArgumentException("the GitHub API URL must not have a query or fragment", nameof(apiUrl));
        }

        var host = apiUrl.IdnHost;
        if (host.Equals("github.com", StringComparison.OrdinalIgnoreCase)
            || host.Equals("api.github.com", StringComparison.OrdinalIgnoreCase))
        {
            return GitHubOptions.DefaultApiUrl;
        }

        var path = apiUrl.AbsolutePath;
        if (!path.EndsWith('/'))
        {
            path += "/";
        }

        if (path == "/")
        {
            path = "/api/v3/"; // GitHub Enterprise Server serves its REST API there.
        }

        return new UriBuilder(apiUrl) { Path = path, Query = string.Empty, Fragment = string.Empty }.Uri;
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));
}
