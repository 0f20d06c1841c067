using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Reconciler.Core.Loading.Fast;

/// <summary>
/// The fast loader's reader: one pass over the UTF-8 bytes, line by line, writing each document's JSON and
/// its position table as it goes (see <see cref="FastYamlLoader"/> for what it accepts). One instance per
/// thread, reused, so a file allocates little more than its JSON and its table.
/// </summary>
/// <remarks>
/// Where YamlDotNet puts things, which this must match: a block mapping starts at its first key, a block
/// sequence at its first '-', a flow collection at its bracket, a scalar at its first character (its quote
/// when quoted); lines and columns count from 1, columns in UTF-16 code units.
/// </remarks>
internal sealed partial class FastYamlParser : IDisposable
{
    private const int EndOfText = -1;
    private const int DocumentMarker = -2;

    /// <summary>YamlDotNet refuses a simple key of 1,024 characters or more; well before that, the full loader decides.</summary>
    private const int MaxKeyLength = 1000;

    /// <summary>Duplicate keys are found by comparing with the mapping's earlier keys; larger mappings go to the full loader.</summary>
    private const int MaxKeysPerMapping = 256;

    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _json;
    private PositionEntry[] _entries = new PositionEntry[128];
    private int _count;
    private byte[] _text = [];
    private int _end;
    private int _pos;
    private int _line;
    private int _lineStart;
    private int _columnOffset = -1;
    private int _column;
    private LoaderLimits _limits = LoaderLimits.Default;
    private long _nodes;
    private int _keyStart = -1;
    private int _keyLength;
    private int _keyLine;
    private int _keyColumn;

    public FastYamlParser()
    {
        _json = new Utf8JsonWriter(_buffer, JsonTreeWriter.Options);
    }

    /// <summary>Each thread keeps its parser for the life of the process; disposing is for tests.</summary>
    public void Dispose() => _json.Dispose();

    /// <summary>Reads every document of <paramref name="text"/>[<paramref name="start"/>..+<paramref name="length"/>].</summary>
    /// <exception cref="FastPathDeclinedException">Something the fast loader leaves to the full loader.</exception>
    public IReadOnlyList<LoadedDocument> Load(string path, byte[] text, int start, int length, LoaderLimits limits)
    {
        _text = text;
        _end = start + length;
        _pos = start;
        _lineStart = start;
        _columnOffset = -1;
        _line = 1;
        _limits = limits;
        var documents = new List<LoadedDocument>(1);
        var source = new ReadOnlyMemory<byte>(text, 0, _end);
        while (true)
        {
            var indent = NextContentLine();
            if (indent == EndOfText)
            {
                return documents;
            }

            if (indent == DocumentMarker)
            {
                _pos += 3;
                EndOfLine();
                continue;
            }

            // A document's root is a block mapping at the left margin; anything else (a list, a scalar, a
            // flow mapping, an indented root) is left to the full loader.
            if (indent != 0 || IsBlockEntry() || documents.Count >= limits.MaxDocumentsPerFile)
            {
                throw Declined();
            }

            _buffer.ResetWrittenCount();
            _json.Reset(_buffer);
            _count = 0;
            _nodes = 0;
            _keyStart = -1;
            ParseBlockMapping(0, 1);
            _json.Flush();
            var json = _buffer.WrittenSpan.ToArray();
            var table = new PositionTable(source, _entries.AsSpan(0, _count).ToArray());
            documents.Add(FastYamlLoader.Document(path, documents.Count, json, table));
        }
    }

    /// <summary>
    /// Moves to the first character of the next line that has content (blank and comment-only lines are
    /// skipped) and returns its indentation, or <see cref="EndOfText"/>, or <see cref="DocumentMarker"/> for
    /// a <c>---</c> line. Called again without reading anything, it returns the same.
    /// </summary>
    private int NextContentLine()
    {
        if (_pos > _lineStart)
        {
            return _pos - _lineStart; // already at this line's content
        }

        while (true)
        {
            var p = _pos;
            while (p < _end && _text[p] == (byte)' ')
            {
                p++;
            }

            if (p >= _end)
            {
                _pos = _end;
                return EndOfText;
            }

            if (_text[p] is (byte)'\n' or (byte)'#')
            {
                var newline = _text.AsSpan(p, _end - p).IndexOf((byte)'\n');
                if (newline < 0)
                {
                    _pos = _end;
                    return EndOfText;
                }

                StartLine(p + newline + 1);
                continue;
            }

            _pos = p;
            var indent = p - _lineStart;
            if (indent == 0 && IsMarker("---"u8))
            {
                return DocumentMarker;
            }

            if (indent == 0 && IsMarker("..."u8))
            {
                throw Declined(); // a document end marker: rare, left to the full loader
            }

            return indent;
        }
    }

    private bool IsMarker(ReadOnlySpan<byte> marker) =>
        _text.AsSpan(_pos, _end - _pos).StartsWith(marker) && (_pos + 3 == _end || _text[_pos + 3] is (byte)' ' or (byte)'\n');

    /// <summary>The rest of the line after a value: spaces, and a comment after at least one space; then the line break.</summary>
    private void EndOfLine()
    {
        SkipSpaces();
        if (_pos < _end && _text[_pos] == (byte)'#' && _text[_pos - 1] == (byte)' ')
        {
            var newline = _text.AsSpan(_pos, _end - _pos).IndexOf((byte)'\n');
            _pos = newline < 0 ? _end : _pos + newline;
        }

        if (_pos == _end)
        {
            StartLine(_end);
            return;
        }

        if (_text[_pos] != (byte)'\n')
        {
            throw Declined();
        }

        StartLine(_pos + 1);
    }

    private int SkipSpaces()
    {
        var from = _pos;
        while (_pos < _end && _text[_pos] == (byte)' ')
        {
            _pos++;
        }

        return _pos - from;
    }

    private void StartLine(int offset)
    {
        if (offset > _lineStart)
        {
            _line++;
        }

        _pos = offset;
        _lineStart = offset;
    }

    /// <summary>A block sequence entry starts here: '-' followed by a space, a line break or the end.</summary>
    private bool IsBlockEntry() =>
        _pos < _end && _text[_pos] == (byte)'-' && (_pos + 1 == _end || _text[_pos + 1] is (byte)' ' or (byte)'\n');

    /// <summary>
    /// The 1-based column of <paramref name="offset"/> on the current line, in UTF-16 code units as YamlDotNet
    /// counts. Counted on from the last column asked for on the line, so a long line of many values (a flow
    /// list of thousands) is counted once, not once per value.
    /// </summary>
    private int Column(int offset)
    {
        if (offset < _columnOffset || _columnOffset < _lineStart)
        {
            _columnOffset = _lineStart;
            _column = 1;
        }

        _column += Encoding.UTF8.GetCharCount(_text.AsSpan(_columnOffset, offset - _columnOffset));
        _columnOffset = offset;
        return _column;
    }

    private static FastPathDeclinedException Declined() => new();
}
