using System.Net;
using System.Web;

namespace Reconciler.Service.Notifications;

/// <summary>
/// One notification receiver. The format follows the URL's host (qyapi.weixin.qq.com, oapi.dingtalk.com,
/// open.feishu.cn / open.larksuite.com), else generic JSON; a prefix chooses it explicitly (<c>wecom+https://…</c>,
/// <c>dingtalk+</c>, <c>feishu+</c>, <c>json+</c>), which also lets tests use a receiver on 127.0.0.1.
/// A robot's "sign" secret may ride along as the query parameter <c>secret</c> of a DingTalk or Feishu URL: it is
/// taken out and used to sign each message, never sent. The URL itself holds the robot's key, so it is shown only
/// as <see cref="Display"/> (format and host).
/// </summary>
public sealed record NotifyTarget(NotifyFormat Format, Uri Url, string? SigningSecret)
{
    private static readonly Dictionary<string, NotifyFormat> Prefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["wecom"] = NotifyFormat.WeCom,
        ["dingtalk"] = NotifyFormat.DingTalk,
        ["feishu"] = NotifyFormat.Feishu,
        ["lark"] = NotifyFormat.Feishu,
        ["json"] = NotifyFormat.Json,
    };

    /// <summary>What logs and errors show: the format and the host, never the path or query (they hold the key).</summary>
    public string Display => $"{Format.ToString().ToLowerInvariant()} {Url.Scheme}://{Url.Authority}/…";

    public override string ToString() => Display;

    /// <param name="why">Why the text is refused; names no key (the URL is not repeated).</param>
    public static bool TryParse(string text, out NotifyTarget target, out string why)
    {
        ArgumentNullException.ThrowIfNull(text);
        target = null!;
        NotifyFormat? chosen = null;
        var plus = text.IndexOf('+', StringComparison.Ordinal);
        var colon = text.IndexOf("://", StringComparison.Ordinal);
        if (plus > 0 && colon > plus)
        {
            if (!Prefixes.TryGetValue(text[..plus], out var prefixed))
            {
                why = $"unknown notification format '{text[..plus]}' (use wecom+, dingtalk+, feishu+ or json+)";
                return false;
            }

            chosen = prefixed;
            text = text[(plus + 1)..];
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http") || string.IsNullOrEmpty(url.Host))
        {
            why = "a notification URL must be an absolute http(s) URL";
            return false;
        }

        if (url.Scheme == "http" && !IsLoopback(url))
        {
            why = $"a notification URL to {url.Host} must use https (it carries the robot's key); http is allowed only on loopback";
            return false;
        }

        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            why = $"a notification URL to {url.Host} must not hold a user name or password";
            return false;
        }

        var format = chosen ?? FormatOf(url.Host);
        string? secret = null;
        if (format is NotifyFormat.DingTalk or NotifyFormat.Feishu)
        {
            (url, secret) = TakeSecret(url);
        }

        target = new NotifyTarget(format, url, secret);
        why = "";
        return true;
    }

    private static NotifyFormat FormatOf(string host) => host.ToLowerInvariant() switch
    {
        "qyapi.weixin.qq.com" => NotifyFormat.WeCom,
        "oapi.dingtalk.com" => NotifyFormat.DingTalk,
        "open.feishu.cn" or "open.larksuite.com" => NotifyFormat.Feishu,
        _ => NotifyFormat.Json,
    };

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static (Uri Url, string? Secret) TakeSecret(Uri url)
    {
        var query = HttpUtility.ParseQueryString(url.Query);
        if (query["secret"] is not { Length: > 0 } secret)
        {
            return (url, null);
        }

        query.Remove("secret");
        var builder = new UriBuilder(url) { Query = query.ToString() ?? "" };
        return (builder.Uri, secret);
    }
}
