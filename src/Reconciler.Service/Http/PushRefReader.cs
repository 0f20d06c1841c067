using System.Buffers;
using System.Text.Json;

namespace Reconciler.Service.Http;

/// <summary>
/// Finds the top-level <c>"ref"</c> of a push payload while the body streams past, in a fixed window of memory:
/// the body itself is never held. GitHub writes <c>ref</c> first, so the search normally ends in the first
/// chunk. A token longer than the window, or a body that is not a JSON object, ends the search:
/// <see cref="GaveUp"/> says the ref could not be read (the caller polls anyway once the signature is good).
/// </summary>
internal sealed class PushRefReader : IDisposable
{
    /// <summary>The longest JSON token the search can step over; also all the memory it uses.</summary>
    public const int Window = 64 * 1024;

    private const int MaxRefBytes = 1024;

    private readonly byte[] _window = ArrayPool<byte>.Shared.Rent(Window);
    private int _count;
    private JsonReaderState _state = new(new JsonReaderOptions { MaxDepth = 64 });
    private bool _nextIsRef;
    private bool _started;

    /// <summary>The top-level <c>ref</c>, once found (null while searching, or when it is not a string).</summary>
    public string? Ref { get; private set; }

    /// <summary>The search is over (found, or given up): later bytes are not looked at.</summary>
    public bool Done { get; private set; }

    /// <summary>The search ended without reading a ref: not JSON, not an object, or a token over <see cref="Window"/> bytes.</summary>
    public bool GaveUp { get; private set; }

    public void Append(ReadOnlySpan<byte> chunk)
    {
        while (!Done && chunk.Length > 0)
        {
            var take = Math.Min(chunk.Length, Window - _count);
            if (take == 0)
            {
                // The window is full of one unfinished token: the ref is not where GitHub puts it.
                Stop(gaveUp: true);
                return;
            }

            chunk[..take].CopyTo(_window.AsSpan(_count));
            _count += take;
            chunk = chunk[take..];
            Scan();
        }
    }

    /// <summary>The body ended: a search still open found no ref.</summary>
    public void Complete()
    {
        if (!Done)
        {
            Stop(gaveUp: true); // empty, or cut off before the object closed
        }
    }

    private void Scan()
    {
        try
        {
            var reader = new Utf8JsonReader(_window.AsSpan(0, _count), isFinalBlock: false, _state);
            while (!Done && reader.Read())
            {
                if (!_started)
                {
                    _started = true;
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        Stop(gaveUp: true);
                    }
                }
                else if (_nextIsRef)
                {
                    Ref = reader.TokenType == JsonTokenType.String && reader.ValueSpan.Length <= MaxRefBytes ? reader.GetString() : null;
                    Stop(gaveUp: false);
                }
                else if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("ref"u8))
                {
                    _nextIsRef = true;
                }
                else if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 0)
                {
                    Stop(gaveUp: false); // the whole object read, no ref in it
                }
            }

            if (Done)
            {
                return;
            }

            var consumed = (int)reader.BytesConsumed;
            _state = reader.CurrentState;
            _window.AsSpan(consumed, _count - consumed).CopyTo(_window);
            _count -= consumed;
        }
        catch (JsonException)
        {
            Stop(gaveUp: true);
        }
    }

    private void Stop(bool gaveUp)
    {
        Done = true;
        GaveUp = gaveUp && Ref is null;
        _count = 0;
    }

    public void Dispose() => ArrayPool<byte>.Shared.Return(_window);

    public override string ToString() => Ref ?? (GaveUp ? "(ref not read)" : "(no ref)");
}
