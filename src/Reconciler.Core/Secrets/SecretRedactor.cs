using System.Text;
using System.Text.RegularExpressions;

namespace Reconciler.Core.Secrets;

/// <summary>
/// The one place that cuts secrets (API tokens, GitHub tokens) out of text that may be shown, logged, stored
/// or sent back: answers from servers, exception messages, rendered plans. Besides the token as written it finds
/// the forms a server or a proxy echoes it in: any letter case, URL-encoded (<c>%2B</c> or <c>%2b</c>, any of its
/// characters or all of them),
/// form-encoded (<c>+</c> for a space), JSON-escaped (<c>\/</c>), base64 and base64url (also inside a longer
/// base64 text), and split by whitespace or line breaks (a wrapped header in an error page).
/// </summary>
/// <remarks>
/// The values never leave this object: it has no getter and <see cref="ToString"/> shows only a count.
/// A redactor with no secrets changes nothing.
/// </remarks>
public sealed class SecretRedactor
{
    public const string Mask = "[redacted]";

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    private readonly string[] _values;
    private readonly string[] _forms;
    private readonly Regex[] _split;

    public SecretRedactor(IEnumerable<string?> secrets)
    {
        _values = secrets.OfType<string>().Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        _forms = _values.SelectMany(Forms).Where(f => f.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(f => f.Length).ToArray();

        // Short values would match ordinary words once spaces may sit between their letters.
        _split = _values.Where(v => v.Length >= 8).Select(Split).ToArray();
    }

    public static SecretRedactor None { get; } = new([]);

    /// <summary>How many distinct secrets this redactor knows.</summary>
    public int Count => _values.Length;

    public bool IsEmpty => Count == 0;

    /// <summary>Combines two redactors (e.g. the API tokens and the GitHub token).</summary>
    public SecretRedactor With(IEnumerable<string?> more) => new(_values.Concat(more));

    /// <summary>Whether the text holds a secret in any form this redactor knows.</summary>
    public bool Contains(string? text) =>
        !string.IsNullOrEmpty(text) && Count > 0 && (_forms.Any(f => text.Contains(f, StringComparison.OrdinalIgnoreCase)) || _split.Any(r => SafeIsMatch(r, text)));

    /// <summary>The text with every form of every secret replaced by <see cref="Mask"/>.</summary>
    public string Redact(string text)
    {
        if (string.IsNullOrEmpty(text) || Count == 0)
        {
            return text;
        }

        var result = text;
        foreach (var form in _forms)
        {
            if (result.Contains(form, StringComparison.OrdinalIgnoreCase))
            {
                result = result.Replace(form, Mask, StringComparison.OrdinalIgnoreCase);
            }
        }

        foreach (var pattern in _split)
        {
            try
            {
                result = pattern.Replace(result, Mask);
            }
            catch (RegexMatchTimeoutException)
            {
                // Fail closed: text we could not finish checking is not shown at all.
                return Mask;
            }
        }

        return result;
    }

    /// <summary><see cref="Redact(string)"/> that passes null through.</summary>
    public string? RedactOrNull(string? text) => text is null ? null : Redact(text);

    /// <summary>The exception to keep as a cause, or null when anything in its full text (messages, inner exceptions) holds a secret.</summary>
    public Exception? SafeCause(Exception exception) => Contains(exception.ToString()) ? null : exception;

    public override string ToString() => $"SecretRedactor({Count} secret(s), values hidden)";

    private static IEnumerable<string> Forms(string secret)
    {
        yield return secret;
        yield return Uri.EscapeDataString(secret);
        yield return System.Net.WebUtility.UrlEncode(secret);
        yield return secret.Replace("/", "\\/", StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(secret);
        for (var offset = 0; offset < 3; offset++)
        {
            var inner = Base64Inner(bytes, offset);
            if (inner.Length >= 8)
            {
                yield return inner;
                yield return inner.Replace('+', '-').Replace('/', '_');
            }
        }
    }

    /// <summary>The base64 characters that depend only on the secret when it starts <paramref name="offset"/> bytes into a longer text.</summary>
    private static string Base64Inner(byte[] secret, int offset)
    {
        var padded = new byte[offset + secret.Length];
        secret.CopyTo(padded, offset);
        var encoded = Convert.ToBase64String(padded).TrimEnd('=');
        var first = ((offset * 8) + 5) / 6;
        var last = (((offset + secret.Length) * 8) / 6) - 1;
        return last >= first ? encoded[first..(last + 1)] : "";
    }

    /// <summary>
    /// The secret with any whitespace (line breaks included) between its characters, and any of its characters
    /// percent-encoded (<c>%2D</c> for <c>-</c>): a server may encode more than it needs to.
    /// </summary>
    private static Regex Split(string secret) =>
        new(string.Join(@"\s*", secret.Select(Character)), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);

    private static string Character(char c)
    {
        var encoded = string.Concat(Encoding.UTF8.GetBytes(c.ToString()).Select(b => $"%{b:X2}"));
        return $"(?:{Regex.Escape(c.ToString())}|{encoded})";
    }

    private static bool SafeIsMatch(Regex pattern, string text)
    {
        try
        {
            return pattern.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }
    }
}
