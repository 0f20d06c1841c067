namespace Reconciler.TaskApi.Http;

/// <summary>Last line of defence: whatever text leaves the client has the token cut out, wherever it came from.</summary>
internal static class Redactor
{
    public const string Mask = "[redacted]";

    public static string? Redact(string? text, string? secret) =>
        text is null || string.IsNullOrEmpty(secret) ? text : text.Replace(secret, Mask, StringComparison.Ordinal);

    /// <summary>A short single-line excerpt of an unexpected answer, for a message.</summary>
    public static string Excerpt(string? text, string? secret, int max = 160)
    {
        var flat = string.Join(' ', (Redact(text, secret) ?? "").Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return flat.Length <= max ? flat : flat[..max] + "…";
    }
}
