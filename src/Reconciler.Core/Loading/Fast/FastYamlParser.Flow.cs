namespace Reconciler.Core.Loading.Fast;

/// <summary>Flow collections (<c>[a, b]</c>, <c>{k: v}</c>) closed on the line they open on.</summary>
internal sealed partial class FastYamlParser
{
    private void ParseFlowSequence(int depth)
    {
        var sequence = Open(PositionKind.Sequence, depth);
        _json.WriteStartArray();
        _pos++; // '['
        FlowSpaces();
        if (_text[_pos] != (byte)']')
        {
            while (true)
            {
                ParseFlowNode(depth);
                FlowSpaces();
                if (_text[_pos] == (byte)']')
                {
                    break;
                }

                NextFlowEntry((byte)']');
            }
        }

        _pos++; // ']'
        _json.WriteEndArray();
        Close(sequence);
    }

    private void ParseFlowMapping(int depth)
    {
        var mapping = Open(PositionKind.Mapping, depth);
        _json.WriteStartObject();
        _pos++; // '{'
        FlowSpaces();
        if (_text[_pos] != (byte)'}')
        {
            while (true)
            {
                ReadFlowKey(mapping);
                FlowSpaces();
                ParseFlowNode(depth);
                FlowSpaces();
                if (_text[_pos] == (byte)'}')
                {
                    break;
                }

                NextFlowEntry((byte)'}');
            }
        }

        _pos++; // '}'
        _json.WriteEndObject();
        Close(mapping);
    }

    /// <summary>A ',' and the spaces after it; a ',' right before the closing bracket (or no ',') is left to the full loader.</summary>
    private void NextFlowEntry(byte closing)
    {
        if (_text[_pos] != (byte)',')
        {
            throw Declined();
        }

        _pos++;
        FlowSpaces();
        if (_text[_pos] is (byte)',' || _text[_pos] == closing)
        {
            throw Declined();
        }
    }

    /// <summary>Spaces inside a flow collection; the collection must go on on this line.</summary>
    private void FlowSpaces()
    {
        SkipSpaces();
        if (_pos >= _end || _text[_pos] is (byte)'\n' or (byte)'#')
        {
            throw Declined();
        }
    }

    /// <summary>A value inside a flow collection (the collection itself is at <paramref name="depth"/>).</summary>
    private void ParseFlowNode(int depth)
    {
        var first = _text[_pos];
        switch (first)
        {
            case (byte)'[':
                ParseFlowSequence(depth + 1);
                return;
            case (byte)'{':
                ParseFlowMapping(depth + 1);
                return;
            case (byte)'"' or (byte)'\'':
                ReadQuotedValue();
                return;
        }

        if (!StartsPlain(first, flow: true))
        {
            throw Declined();
        }

        var at = _pos;
        var (end, stop) = ScanPlainFlow();
        if (stop != PlainStop.FlowIndicator)
        {
            throw Declined(); // a single-pair mapping inside a list ("[a: 1]")
        }

        Scalar(at);
        WritePlain(at, end);
    }

    /// <summary>A flow mapping's key followed at once by ": "; the position is left after the ':'.</summary>
    private void ReadFlowKey(int mapping)
    {
        var keyAt = _pos;
        int contentStart;
        int contentLength;
        var first = _text[_pos];
        if (first is (byte)'"' or (byte)'\'')
        {
            if (!TryScanQuoted(out contentStart, out var contentEnd, out var escapedQuotes) || escapedQuotes)
            {
                throw Declined();
            }

            contentLength = contentEnd - contentStart;
        }
        else
        {
            if (!StartsPlain(first, flow: true) || first == (byte)'-')
            {
                throw Declined();
            }

            contentStart = _pos;
            var (end, stop) = ScanPlainFlow();
            if (stop != PlainStop.Colon || end != _pos)
            {
                throw Declined();
            }

            contentLength = end - contentStart;
            if (contentLength == 2 && _text[contentStart] == (byte)'<' && _text[contentStart + 1] == (byte)'<')
            {
                throw Declined(); // a merge key
            }
        }

        if (_pos + 1 >= _end || _text[_pos] != (byte)':' || _text[_pos + 1] != (byte)' ' || contentLength > MaxKeyLength)
        {
            throw Declined();
        }

        _pos++;
        AddKey(mapping, keyAt, contentStart, contentLength);
    }
}
