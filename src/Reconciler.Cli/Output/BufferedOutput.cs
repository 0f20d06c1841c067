using System.Text;

namespace Reconciler.Cli.Output;

/// <summary>
/// Collects small writes and passes them on in chunks of about 64 K characters. The process's stdout flushes
/// on every write, and a renderer streaming a large plan writes many small pieces; the whole output is
/// still never held at once.
/// </summary>
public sealed class BufferedOutput(TextWriter inner) : TextWriter
{
    private const int ChunkCharacters = 64 * 1024;
    private readonly StringBuilder _pending = new(ChunkCharacters + 1024);

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        _pending.Append(value);
        FlushIfFull();
    }

    public override void Write(string? value)
    {
        _pending.Append(value);
        FlushIfFull();
    }

    public override void Write(char[] buffer, int index, int count)
    {
        _pending.Append(buffer, index, count);
        FlushIfFull();
    }

    public override void Flush()
    {
        if (_pending.Length > 0)
        {
            inner.Write(_pending.ToString());
            _pending.Clear();
        }

        inner.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }

        base.Dispose(disposing);
    }

    private void FlushIfFull()
    {
        if (_pending.Length >= ChunkCharacters)
        {
            inner.Write(_pending.ToString());
            _pending.Clear();
        }
    }
}
