using Reconciler.Core.Secrets;

namespace Reconciler.TaskApi.Http;

/// <summary>A short single-line excerpt of an unexpected answer for a message, with the token cut out first.</summary>
internal static class AnswerExcerpt
{
    public static string Of(string? text, SecretRedactor secrets, int max = 160)
    {
        var flat = string.Join(' ', secrets.Redact(text ?? "").Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return flat.Length <= max ? flat : flat[..max] + "…";
    }
}
