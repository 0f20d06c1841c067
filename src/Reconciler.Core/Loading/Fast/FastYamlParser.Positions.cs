namespace Reconciler.Core.Loading.Fast;

/// <summary>Recording each node's position as it is read, and the limits and key checks that go with it.</summary>
internal sealed partial class FastYamlParser
{
    /// <summary>Starts a node at the current position (a collection at <paramref name="depth"/>); it takes the pending key, if any.</summary>
    private int Open(PositionKind kind, int depth)
    {
        if (depth > _limits.MaxDepth || ++_nodes > _limits.MaxNodes)
        {
            throw Declined(); // the full loader reports the limit, where YamlDotNet's events put it
        }

        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
        }

        ref var entry = ref _entries[_count];
        entry.Kind = kind;
        entry.Line = _line;
        entry.Column = Column(_pos);
        entry.KeyStart = _keyStart;
        entry.KeyLength = _keyLength;
        entry.KeyLine = _keyLine;
        entry.KeyColumn = _keyColumn;
        entry.End = _count + 1;
        _keyStart = -1;
        return _count++;
    }

    /// <summary>Ends a collection: its subtree is everything recorded since it was opened.</summary>
    private void Close(int node) => _entries[node].End = _count;

    /// <summary>Records a scalar that starts at <paramref name="at"/> on the current line.</summary>
    private void Scalar(int at)
    {
        var pos = _pos;
        _pos = at;
        Open(PositionKind.Scalar, 0);
        _pos = pos;
    }

    /// <summary>
    /// A key of <paramref name="mapping"/> that starts at <paramref name="keyAt"/>, its text at
    /// <paramref name="contentStart"/>: refused if the mapping has it already, else written and made pending
    /// for the value that follows.
    /// </summary>
    private void AddKey(int mapping, int keyAt, int contentStart, int contentLength)
    {
        var key = _text.AsSpan(contentStart, contentLength);
        var keys = 0;
        for (var child = mapping + 1; child < _count; child = _entries[child].End)
        {
            if (++keys >= MaxKeysPerMapping || _text.AsSpan(_entries[child].KeyStart, _entries[child].KeyLength).SequenceEqual(key))
            {
                throw Declined(); // a duplicate key: the full loader reports it
            }
        }

        _json.WritePropertyName(key);
        _keyStart = contentStart;
        _keyLength = contentLength;
        _keyLine = _line;
        _keyColumn = Column(keyAt);
    }
}
