namespace Reconciler.Core.Loading.Fast;

/// <summary>Scalars on one line: plain (typed by the YAML 1.2 core schema) and quoted without escapes.</summary>
internal sealed partial class FastYamlParser
{
    /// <summary>Why a plain scalar ended.</summary>
    private enum PlainStop
    {
        LineEnd,
        Comment,
        Colon,
        FlowIndicator,
    }

    /// <summary>
    /// Whether a plain scalar may start with <paramref name="first"/> (YamlDotNet's rule, narrowed): not an
    /// indicator, except '-' followed by something that is not a space (and, in a flow, not a flow indicator).
    /// </summary>
    private bool StartsPlain(byte first, bool flow)
    {
        switch (first)
        {
            case (byte)'-':
                if (_pos + 1 >= _end)
                {
                    return false;
                }

                var next = _text[_pos + 1];
                return next is not ((byte)' ' or (byte)'\n') && !(flow && next is (byte)',' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}');
            case (byte)'?' or (byte)':' or (byte)',' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'#' or (byte)'&' or (byte)'*'
                or (byte)'!' or (byte)'|' or (byte)'>' or (byte)'\'' or (byte)'"' or (byte)'%' or (byte)'@' or (byte)'`' or (byte)' ' or (byte)'\n':
                return false;
            default:
                return true;
        }
    }

    /// <summary>
    /// A plain scalar in block context, from the current position to the end of its line, to a comment
    /// (" #") or to a ':' followed by a space or the line's end. The position is left at that stop; the
    /// returned end excludes trailing spaces.
    /// </summary>
    private (int End, PlainStop Stop) ScanPlainBlock()
    {
        var end = _pos;
        while (_pos < _end)
        {
            switch (_text[_pos])
            {
                case (byte)'\n':
                    return (end, PlainStop.LineEnd);
                case (byte)' ':
                    if (_pos + 1 < _end && _text[_pos + 1] == (byte)'#')
                    {
                        return (end, PlainStop.Comment);
                    }

                    _pos++;
                    continue;
                case (byte)':' when _pos + 1 == _end || _text[_pos + 1] is (byte)' ' or (byte)'\n':
                    return (end, PlainStop.Colon);
            }

            _pos++;
            end = _pos;
        }

        return (end, PlainStop.LineEnd);
    }

    /// <summary>
    /// A plain scalar inside a flow collection: it ends at a flow indicator or at ": ". A comment, the line's
    /// end or any other ':' is left to the full loader. Trailing spaces are excluded from the returned end.
    /// </summary>
    private (int End, PlainStop Stop) ScanPlainFlow()
    {
        var end = _pos;
        while (_pos < _end)
        {
            switch (_text[_pos])
            {
                case (byte)'\n':
                    throw Declined();
                case (byte)' ':
                    if (_pos + 1 < _end && _text[_pos + 1] == (byte)'#')
                    {
                        throw Declined();
                    }

                    _pos++;
                    continue;
                case (byte)',' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}':
                    return (end, PlainStop.FlowIndicator);
                case (byte)':':
                    return _pos + 1 < _end && _text[_pos + 1] == (byte)' ' ? (end, PlainStop.Colon) : throw Declined();
            }

            _pos++;
            end = _pos;
        }

        throw Declined();
    }

    /// <summary>
    /// A quoted scalar closed on the same line: double-quoted without a backslash, or single-quoted (where ''
    /// stands for '). The position is left just past the closing quote.
    /// </summary>
    private bool TryScanQuoted(out int contentStart, out int contentEnd, out bool escapedQuotes)
    {
        var quote = _text[_pos];
        contentStart = _pos + 1;
        contentEnd = contentStart;
        escapedQuotes = false;
        var p = contentStart;
        while (true)
        {
            var rest = _text.AsSpan(p, _end - p);
            var at = quote == (byte)'"' ? rest.IndexOfAny((byte)'"', (byte)'\\', (byte)'\n') : rest.IndexOfAny((byte)'\'', (byte)'\n');
            if (at < 0 || rest[at] != quote)
            {
                return false; // unclosed on this line, or an escape
            }

            p += at;
            if (quote == (byte)'\'' && p + 1 < _end && _text[p + 1] == (byte)'\'')
            {
                escapedQuotes = true;
                p += 2;
                continue;
            }

            contentEnd = p;
            _pos = p + 1;
            return true;
        }
    }

    /// <summary>A quoted scalar as a value: always a string.</summary>
    private void ReadQuotedValue()
    {
        var at = _pos;
        if (!TryScanQuoted(out var contentStart, out var contentEnd, out var escapedQuotes))
        {
            throw Declined();
        }

        Scalar(at);
        var content = _text.AsSpan(contentStart, contentEnd - contentStart);
        if (escapedQuotes)
        {
            _json.WriteStringValue(System.Text.Encoding.UTF8.GetString(content).Replace("''", "'", StringComparison.Ordinal));
        }
        else
        {
            _json.WriteStringValue(content);
        }
    }

    /// <summary>A plain scalar as a block value: it must run to the line's end or a comment.</summary>
    private void ReadPlainBlockValue()
    {
        var at = _pos;
        if (!StartsPlain(_text[_pos], flow: false))
        {
            throw Declined();
        }

        var (end, stop) = ScanPlainBlock();
        if (stop is not (PlainStop.LineEnd or PlainStop.Comment))
        {
            throw Declined(); // "a: b: c", or a compact mapping where none may start
        }

        Scalar(at);
        WritePlain(at, end);
    }

    /// <summary>A plain scalar's JSON, typed exactly as <see cref="ScalarResolver"/> types it.</summary>
    private void WritePlain(int start, int end)
    {
        var value = _text.AsSpan(start, end - start);
        switch (PlainScalarTyping.Classify(value))
        {
            case PlainScalarType.String:
                _json.WriteStringValue(value);
                return;
            case PlainScalarType.Integer:
                PlainScalarTyping.WriteInteger(_json, value);
                return;
            default:
                var resolved = ScalarResolver.ResolvePlain(System.Text.Encoding.UTF8.GetString(value), _line, Column(start));
                JsonTreeWriter.WriteScalar(_json, resolved);
                return;
        }
    }
}
