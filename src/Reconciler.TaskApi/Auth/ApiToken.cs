using Reconciler.Core.Secrets;

namespace Reconciler.TaskApi.Auth;

/// <summary>
/// A bearer token. Its value is readable only inside this assembly (to build the Authorization header);
/// <see cref="ToString"/> and serializers see nothing, so a token cannot reach a log or message by accident.
/// </summary>
public sealed class ApiToken
{
    private readonly string _value;
    private SecretRedactor? _redactor;

    private ApiToken(string value) => _value = value;

    /// <summary>Wraps a secret; surrounding whitespace is trimmed.</summary>
    /// <exception cref="ArgumentException">Empty, or holds whitespace or control characters (the message never repeats the value).</exception>
    public static ApiToken FromSecret(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var trimmed = value.Trim();
        if (trimmed.Length == 0)
        {
            throw new ArgumentException("the token is empty", nameof(value));
        }

        if (trimmed.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c > '\u007e'))
        {
            throw new ArgumentException("the token contains whitespace, control or non-ASCII characters, which an HTTP header cannot carry", nameof(value));
        }

        return new ApiToken(trimmed);
    }

    internal string Reveal() => _value;

    /// <summary>Cuts this token, in every form a server may echo it, out of text (built once per token).</summary>
    internal SecretRedactor Redactor => _redactor ??= new SecretRedactor([_value]);

    public override string ToString() => "[redacted]";
}
