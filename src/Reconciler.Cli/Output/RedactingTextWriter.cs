using System.Text;
using Reconciler.Core.Secrets;

namespace Reconciler.Cli.Output;

/// <summary>
/// The last line of defence on stdout and stderr: every string written passes through the redactor, so a token
/// pasted into a manifest (shown in a plan's changes) or echoed by a server is printed as <c>[redacted]</c>.
/// Single characters pass through unchanged (they cannot hold a token on their own).
/// </summary>
internal sealed class RedactingTextWriter(TextWriter inner, SecretRedactor secrets) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    public override IFormatProvider FormatProvider => inner.FormatProvider;

    public override string NewLine
    {
#pragma warning disable CS8765 // TextWriter.NewLine's setter takes a nullable value
        get => inner.NewLine;
        set => inner.NewLine = value;
#pragma warning restore CS8765
    }

    public override void Write(char value) => inner.Write(value);

    public override void Write(string? value) => inner.Write(secrets.RedactOrNull(value));

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void WriteLine(string? value) => inner.WriteLine(secrets.RedactOrNull(value));

    public override Task WriteAsync(string? value) => inner.WriteAsync(secrets.RedactOrNull(value));

    public override Task WriteAsync(char[] buffer, int index, int count) => WriteAsync(new string(buffer, index, count));

    public override Task WriteLineAsync(string? value) => inner.WriteLineAsync(secrets.RedactOrNull(value));

    public override Task WriteLineAsync(char[] buffer, int index, int count) => WriteLineAsync(new string(buffer, index, count));

    public override void Flush() => inner.Flush();

    public override Task FlushAsync() => inner.FlushAsync();
}
