using System.Net;
using System.Text.RegularExpressions;
using Reconciler.Core.Secrets;

namespace Reconciler.TaskApi.Http;

/// <summary>
/// A short single-line excerpt of an unexpected answer for a message, with the token cut out first. An HTML page
/// (a proxy's or a load balancer's error page) is summarised by its title instead of printed raw.
/// </summary>
internal static partial class AnswerExcerpt
{
    public static string Of(string? text, SecretRedactor secrets, int max = 160)
    {
        var redacted = secrets.Redact(text ?? "");
        if (LooksLikeHtml(redacted))
        {
            var title = Title().Match(redacted) is { Success: true } match ? Flatten(WebUtility.HtmlDecode(match.Groups["title"].Value)) : "";
            return title.Length == 0 ? "an HTML page (not the API's JSON)" : $"an HTML page titled \"{Cut(title, 80)}\"";
        }

        return Cut(Flatten(redacted), max);
    }

    private static bool LooksLikeHtml(string text)
    {
        var start = text.TrimStart();
        return start.StartsWith('<') && (start.Contains("<html", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<!doctype", StringComparison.OrdinalIgnoreCase)
            || start.Contains("<body", StringComparison.OrdinalIgnoreCase) || start.Contains("<title", StringComparison.OrdinalIgnoreCase));
    }

    private static string Flatten(string text) => string.Join(' ', text.Split((char[])['\r', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries)).Trim();

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max] + "…";

    [GeneratedRegex("<title[^>]*>(?<title>.*?)</title>", RegexOptions.IgnoreCase | RegexOptions.Singleline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Title();
}
