using System.Text;

namespace Reconciler.Cli.Output;

/// <summary>
/// Collects small writes and passes them on in chunks of 16 K characters. The process's stdout flushes on
/// every write, and a renderer streaming a large plan writes many small pieces; the whole output is still
/// never held at once. The chunk is one reused array, below the large-object heap's threshold: a new
/// string per chunk would land there and pile up until a full collection.
/// </summary>
internal sealed class BufferedOutput(TextWriter inner) : TextWriter
{
    private readonly char[] _chunk = new char[16 * 1024];
    private int _used;

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        if (_used == _chunk.Length)
        {
            Pass();
        }

        _chunk[_used++] = value;
    }

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        while (buffer.Length > 0)
        {
            if (_used == _chunk.Length)
            {
                Pass();
            }

            var take = Math.Min(buffer.Length, _chunk.Length - _used);
            buffer[..take].CopyTo(_chunk.AsSpan(_used));
            _used += take;
            buffer = buffer[take..];
        }
    }

    public override void Flush()
    {
        Pass();
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

    private void Pass()
    {
        if (_used > 0)
        {
            inner.Write(_chunk, 0, _used);
            _used = 0;
        }
    }
}
