using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Reconciler.Service.Http;

/// <summary>
/// <c>GET /</c>: the status page for people. One self-contained HTML response (its CSS and script, kept in their
/// own embedded files, are inlined at start; no external asset, so it works on a network without internet) that fetches <c>/status?order=problems</c> every few
/// seconds and draws it with DOM text nodes only: nothing from the status is ever parsed as HTML, and control
/// characters are shown escaped as the CLI shows them. A per-response nonce lets only this page's own script and
/// style run (Content-Security-Policy), and links to the repository carry no referrer.
/// </summary>
public sealed class StatusPage(string? repoWebUrl, int refreshSeconds = StatusPage.DefaultRefreshSeconds)
{
    public const int DefaultRefreshSeconds = 10;

    private static readonly Lazy<string> Template = new(ReadTemplate);

    // The words are the same for every response: built once.
    private static readonly Lazy<object> Vocabulary = new(StatusPageWords.Vocabulary);

    public async Task WriteAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));

        // JsonSerializer's default encoder writes <, >, & and quotes as \uXXXX: the JSON cannot end the script element.
        var config = JsonSerializer.Serialize(new { repoWebUrl = RepoWebUrl.Template(repoWebUrl), refreshSeconds, words = Vocabulary.Value });
        var html = Template.Value.Replace("{{NONCE}}", nonce, StringComparison.Ordinal).Replace("{{CONFIG}}", config, StringComparison.Ordinal);
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.ContentSecurityPolicy =
            $"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.CacheControl = "no-store";
        await response.WriteAsync(html, cancellationToken);
    }

    // The style and script are inlined once, before the per-response nonce and config: neither can inject a placeholder.
    private static string ReadTemplate()
    {
        var style = ReadResource("StatusPage.css");
        var script = ReadResource("StatusPage.js");
        if (style.Contains("</style", StringComparison.OrdinalIgnoreCase) || script.Contains("</script", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("the status page's style or script would close its own element");
        }

        return ReadResource("StatusPage.html")
            .Replace("{{STYLE}}", style.TrimEnd(), StringComparison.Ordinal)
            .Replace("{{SCRIPT}}", script.TrimEnd(), StringComparison.Ordinal);
    }

    private static string ReadResource(string name)
    {
        using var stream = typeof(StatusPage).Assembly.GetManifestResourceStream("Reconciler.Service.Http." + name)
            ?? throw new InvalidOperationException($"{name} is not embedded in the assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
