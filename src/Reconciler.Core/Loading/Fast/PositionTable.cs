using System.Text;

namespace Reconciler.Core.Loading.Fast;

/// <summary>
/// The fast loader's positions: one flat array of the document's nodes in document order (a node is
/// followed by its subtree), instead of an object per node. Keys are compared in the file's own UTF-8
/// bytes, which the table keeps (a manifest is a few KB, and it is needed only while one file is evaluated).
/// </summary>
internal sealed class PositionTable(ReadOnlyMemory<byte> source, PositionEntry[] entries) : IPositionIndex
{
    public (int Line, int Column) Root => (entries[0].Line, entries[0].Column);

    public ((int Line, int Column) Value, (int Line, int Column)? Key) Walk(string pointer)
    {
        var node = 0;
        (int Line, int Column)? key = null;
        var rest = pointer.AsSpan();
        while (rest.Length > 0)
        {
            // Every pointer we are given starts with '/'; anything else names nothing below the root.
            if (!PointerSegments.Next(ref rest, out var segment))
            {
                return (At(node), null);
            }

            var child = entries[node].Kind switch
            {
                PositionKind.Mapping => FindKey(node, PointerSegments.Unescape(segment)),
                PositionKind.Sequence when PointerSegments.Index(segment) is { } index => FindItem(node, index),
                _ => -1,
            };
            if (child < 0)
            {
                return (At(node), null);
            }

            node = child;
            key = entries[node].KeyStart >= 0 ? (entries[node].KeyLine, entries[node].KeyColumn) : null;
        }

        return (At(node), key);
    }

    private (int Line, int Column) At(int node) => (entries[node].Line, entries[node].Column);

    private int FindItem(int sequence, int index)
    {
        var child = sequence + 1;
        for (var i = 0; child < entries[sequence].End; i++, child = entries[child].End)
        {
            if (i == index)
            {
                return child;
            }
        }

        return -1;
    }

    private int FindKey(int mapping, string key)
    {
        var wanted = Encoding.UTF8.GetBytes(key);
        var text = source.Span;
        for (var child = mapping + 1; child < entries[mapping].End; child = entries[child].End)
        {
            if (text.Slice(entries[child].KeyStart, entries[child].KeyLength).SequenceEqual(wanted))
            {
                return child;
            }
        }

        return -1;
    }
}
