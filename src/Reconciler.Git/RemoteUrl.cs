using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Reconciler.Git;

/// <summary>
/// The watched repository's address, split three ways: what libgit2 is given (never with credentials,
/// so libgit2's own messages cannot leak them), what people are shown, and credentials found in the
/// URL's userinfo (handed to libgit2 through the credentials callback instead).
/// </summary>
internal sealed partial class RemoteUrl
{
    private RemoteUrl(string fetchUrl, string display, string? localPath, Uri? uri, string? userName, string? password)
    {
        FetchUrl = fetchUrl;
        Display = display;
        LocalPath = localPath;
        UserName = userName;
        Password = password;
        IsHttps = uri?.Scheme == Uri.UriSchemeHttps;
        IsHttp = uri?.Scheme == Uri.UriSchemeHttp;
        IsLoopback = uri is not null && uri.IsLoopback;
    }

    /// <summary>The address given to libgit2: no userinfo.</summary>
    public string FetchUrl { get; }

    /// <summary>Safe to show in messages and logs.</summary>
    public string Display { get; }

    /// <summary>For a local path or <c>file://</c> URL, the directory, checked before fetching for a clear error.</summary>
    public string? LocalPath { get; }

    public string? UserName { get; }

    public string? Password { get; }

    public bool IsHttps { get; }

    public bool IsHttp { get; }

    public bool IsLoopback { get; }

    /// <summary>Names the cache folder: the same repository reached with other credentials shares one clone.</summary>
    public string CacheKey => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Display)))[..16];

    /// <summary>Parses https, http, git and file URLs and local paths. Messages quote the URL only with its userinfo removed.</summary>
    public static RemoteUrl Parse(string url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            throw new ArgumentException("the repository URL is empty", nameof(url));
        }

        url = url.Trim();
        if (ScpLike().IsMatch(url) || url.StartsWith("ssh://", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"ssh URLs are not supported ({Redact(url)}); use https with a token", nameof(url));
        }

        if (!url.Contains("://", StringComparison.Ordinal))
        {
            var full = Path.GetFullPath(url);
            return new RemoteUrl(full, full, full, null, null, null);
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            throw new ArgumentException($"the repository URL is not valid: {Redact(url)}", nameof(url));
        }

        if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            // A query can carry a token, and libgit2 would repeat it in its messages: refuse it.
            throw new ArgumentException($"a repository URL must not have a query or fragment: {Redact(url)}", nameof(url));
        }

        if (uri.Scheme == Uri.UriSchemeFile)
        {
            return new RemoteUrl(uri.AbsoluteUri, uri.AbsoluteUri, uri.LocalPath, uri, null, null);
        }

        if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != "git")
        {
            throw new ArgumentException($"unsupported repository URL scheme '{uri.Scheme}' (use https, http, git, file or a local path)", nameof(url));
        }

        var clean = uri.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.UserInfo, UriFormat.UriEscaped);
        var (user, password) = SplitUserInfo(uri.UserInfo);
        return new RemoteUrl(clean, clean, null, uri, user, password);
    }

    /// <summary>Removes <c>user:password@</c> from anything that looks like a URL inside a text.</summary>
    public static string Redact(string text) => UserInfo().Replace(text, "://");

    public override string ToString() => Display;

    private static (string? User, string? Password) SplitUserInfo(string userInfo)
    {
        if (string.IsNullOrEmpty(userInfo))
        {
            return (null, null);
        }

        var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        return colon < 0
            ? (Uri.UnescapeDataString(userInfo), null)
            : (Uri.UnescapeDataString(userInfo[..colon]), Uri.UnescapeDataString(userInfo[(colon + 1)..]));
    }

    [GeneratedRegex(@"^[A-Za-z0-9._-]+@[A-Za-z0-9._-]+:(?!//)")]
    private static partial Regex ScpLike();

    [GeneratedRegex(@"://[^/@\s]*@")]
    private static partial Regex UserInfo();
}
