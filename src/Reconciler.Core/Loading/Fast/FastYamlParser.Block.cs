namespace Reconciler.Core.Loading.Fast;

/// <summary>Block collections: mappings and sequences laid out by indentation.</summary>
internal sealed partial class FastYamlParser
{
    /// <summary>A block mapping whose first key is at the current position, indented by <paramref name="indent"/>.</summary>
    private void ParseBlockMapping(int indent, int depth)
    {
        var mapping = Open(PositionKind.Mapping, depth);
        _json.WriteStartObject();
        while (true)
        {
            ReadBlockKey(mapping);
            ParseBlockValue(indent, depth, inSequence: false);
            var next = NextContentLine();
            if (next == EndOfText || next == DocumentMarker || next < indent)
            {
                break;
            }

            // Deeper: a continuation line or a misplaced entry. At the same indentation: only another key
            // (a '-' there would be an error, as an indentless list was read whole as the previous value).
            if (next > indent || IsBlockEntry())
            {
                throw Declined();
            }
        }

        _json.WriteEndObject();
        Close(mapping);
    }

    /// <summary>A block sequence whose first '-' is at the current position, indented by <paramref name="indent"/>.</summary>
    /// <param name="indentless">A list at its parent key's own indentation, which ends at the next key.</param>
    private void ParseBlockSequence(int indent, int depth, bool indentless)
    {
        var sequence = Open(PositionKind.Sequence, depth);
        _json.WriteStartArray();
        while (true)
        {
            _pos++; // the '-'
            ParseBlockValue(indent, depth, inSequence: true);
            var next = NextContentLine();
            if (next == EndOfText || next == DocumentMarker || next < indent)
            {
                break;
            }

            if (next > indent)
            {
                throw Declined();
            }

            if (!IsBlockEntry())
            {
                if (indentless)
                {
                    break;
                }

                throw Declined();
            }
        }

        _json.WriteEndArray();
        Close(sequence);
    }

    /// <summary>
    /// The value after a key's ':' or a list's '-' (the position is just past it): on the same line, or a
    /// block collection on the lines below. In a list, a key on the same line starts a compact mapping.
    /// </summary>
    private void ParseBlockValue(int indent, int depth, bool inSequence)
    {
        var spaces = SkipSpaces();
        if (_pos == _end || _text[_pos] == (byte)'\n' || (_text[_pos] == (byte)'#' && spaces > 0))
        {
            EndOfLine();
            ParseNestedBlock(indent, depth, inSequence);
            return;
        }

        if (spaces == 0)
        {
            throw Declined(); // "-x" cannot get here; "key:x" is not a key; keep it simple
        }

        if (inSequence && StartsKey())
        {
            ParseBlockMapping(_pos - _lineStart, depth + 1);
            return;
        }

        switch (_text[_pos])
        {
            case (byte)'[':
                ParseFlowSequence(depth + 1);
                break;
            case (byte)'{':
                ParseFlowMapping(depth + 1);
                break;
            case (byte)'"' or (byte)'\'':
                ReadQuotedValue();
                break;
            default:
                ReadPlainBlockValue();
                break;
        }

        EndOfLine();
    }

    /// <summary>A value written on the lines below its key or '-': a block mapping or sequence, deeper (or a list at the key's own indentation).</summary>
    private void ParseNestedBlock(int indent, int depth, bool inSequence)
    {
        var next = NextContentLine();
        if (next > indent)
        {
            if (IsBlockEntry())
            {
                ParseBlockSequence(next, depth + 1, indentless: false);
            }
            else
            {
                ParseBlockMapping(next, depth + 1);
            }

            return;
        }

        if (next == indent && !inSequence && IsBlockEntry())
        {
            ParseBlockSequence(next, depth + 1, indentless: true);
            return;
        }

        throw Declined(); // an empty value (null): left to the full loader
    }

    /// <summary>Whether a key (a scalar followed by ': ') starts at the current position; the position does not move.</summary>
    private bool StartsKey()
    {
        var at = _pos;
        var line = _line;
        var lineStart = _lineStart;
        var isKey = TryScanKey(out _, out _);
        _pos = at;
        _line = line;
        _lineStart = lineStart;
        return isKey;
    }

    /// <summary>Reads a block mapping's key and its ':', checks it is new in <paramref name="mapping"/>, and writes it.</summary>
    private void ReadBlockKey(int mapping)
    {
        var keyAt = _pos;
        if (!TryScanKey(out var contentStart, out var contentLength))
        {
            throw Declined();
        }

        AddKey(mapping, keyAt, contentStart, contentLength);
    }

    /// <summary>
    /// Scans a key written as a plain scalar or a quoted one without escapes, followed at once by ':' and a
    /// space or the line's end; the position is then just past the ':'.
    /// </summary>
    private bool TryScanKey(out int contentStart, out int contentLength)
    {
        contentStart = _pos;
        contentLength = 0;
        if (_pos >= _end)
        {
            return false;
        }

        var first = _text[_pos];
        if (first is (byte)'"' or (byte)'\'')
        {
            if (!TryScanQuoted(out contentStart, out var contentEnd, out var escapedQuotes) || escapedQuotes)
            {
                return false;
            }

            contentLength = contentEnd - contentStart;
        }
        else
        {
            if (!StartsPlain(first, flow: false) || first == (byte)'-')
            {
                return false;
            }

            var (end, stop) = ScanPlainBlock();
            if (stop != PlainStop.Colon || end != _pos)
            {
                return false; // no ':' on the line, or spaces before it
            }

            contentLength = end - contentStart;
            if (contentLength == 2 && _text[contentStart] == (byte)'<' && _text[contentStart + 1] == (byte)'<')
            {
                return false; // a merge key
            }
        }

        if (_pos >= _end || _text[_pos] != (byte)':' || !(_pos + 1 == _end || _text[_pos + 1] is (byte)' ' or (byte)'\n'))
        {
            return false;
        }

        _pos++;
        return contentLength <= MaxKeyLength;
    }
}
