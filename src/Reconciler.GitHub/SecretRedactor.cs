namespace Reconciler.GitHub;

/// <summary>Replaces the token wherever text from outside (GitHub's answers, exceptions, bodies) might carry it.</summary>
internal sealed class SecretRedactor(string secret)
{
    internal const string Mask = "***";

    public bool Contains(string? text) =>
        text is not null && secret.Length > 0 && text.Contains(secret, StringComparison.Ordinal);

    public string Redact(string text) =>
        Contains(text) ? text.Replace(secret, Mask, StringComparison.Ordinal) : text;

    // Attach a cause only when nothing in its full text (messages, inner exceptions, response bodies) holds the secret.
    public Exception? SafeCause(Exception exception) =>
        Contains(exception.ToString()) ? null : exception;
}
