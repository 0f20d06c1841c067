using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Unicode;
using Reconciler.Core.Diagnostics;

namespace Reconciler.Core.Loading.Fast;

/// <summary>
/// Loads the YAML that manifests are written in — block mappings and sequences, plain and quoted one-line
/// scalars, one-line flow collections, comments, <c>---</c> between documents — straight from the file's
/// UTF-8 bytes to the JSON and positions the full loader would produce, about ten times faster. Anything
/// else, and anything wrong, it declines, and the full loader (YamlDotNet) reads the file instead and
/// words the diagnostic: anchors, aliases, merge keys, tags, block and multi-line scalars, escapes, empty
/// values, tabs, CR line breaks, control characters, invalid UTF-8, duplicate keys, a breach of the limits.
/// </summary>
/// <remarks>
/// So the fast loader never reports a problem itself, and whatever it accepts it must load exactly as the
/// full loader does: the same JSON bytes (numbers with every digit, YAML 1.2 core typing through
/// <see cref="ScalarResolver"/>), and the same line and column for every value and key. A differential test
/// holds it to that over the sample repository, the generated corpora and thousands of mutations.
/// </remarks>
internal static class FastYamlLoader
{
    /// <summary>
    /// Bytes after which the fast loader declines at once: C0 controls other than line feed (tab and carriage
    /// return included), DEL, and the lead bytes of the few multi-byte characters that YamlDotNet treats
    /// specially or that need a closer look (C1 controls and NEL, LINE/PARAGRAPH SEPARATOR, BOM, U+FFFE/FFFF).
    /// </summary>
    private static readonly SearchValues<byte> Suspicious = SearchValues.Create(
        [0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F,
         0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F,
         0x7F, 0xC2, 0xE2, 0xEF]);

    [ThreadStatic]
    private static FastYamlParser? t_parser;

    /// <summary>The documents of the file, or null when the fast loader declines it (the full loader then reads it).</summary>
    public static IReadOnlyList<LoadedDocument>? TryLoad(string path, ReadOnlyMemory<byte> bytes, LoaderLimits limits)
    {
        try
        {
            return Read(path, bytes, limits);
        }
        catch (Exception e) when (e is IndexOutOfRangeException or ArgumentException or InvalidOperationException)
        {
            // A defect of the fast loader must never cost a file: the full loader reads it. (The differential
            // tests call Read, so such a defect fails them.)
            return null;
        }
    }

    /// <summary>As <see cref="TryLoad"/>, but a defect of the fast loader is thrown.</summary>
    internal static IReadOnlyList<LoadedDocument>? Read(string path, ReadOnlyMemory<byte> bytes, LoaderLimits limits)
    {
        if (!MemoryMarshal.TryGetArray(bytes, out var segment))
        {
            segment = new ArraySegment<byte>(bytes.ToArray());
        }

        var text = segment.AsSpan();
        var start = 0;
        if (text.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            start = 3;
        }

        if (!IsPlain(text[start..]))
        {
            return null;
        }

        var parser = t_parser ??= new FastYamlParser();
        try
        {
            return parser.Load(path, segment.Array!, segment.Offset + start, segment.Count - start, limits);
        }
        catch (FastPathDeclinedException)
        {
            return null;
        }
        catch (LoaderException)
        {
            // The typing of a plain scalar refused it (.inf, .nan): the full loader words it, with its position.
            return null;
        }
    }

    /// <summary>Valid UTF-8 with none of the bytes the fast loader leaves to the full one.</summary>
    private static bool IsPlain(ReadOnlySpan<byte> text)
    {
        if (!Utf8.IsValid(text))
        {
            return false;
        }

        var rest = text;
        while (true)
        {
            var at = rest.IndexOfAny(Suspicious);
            if (at < 0)
            {
                return true;
            }

            // Valid UTF-8, so a lead byte has its continuation bytes.
            var refused = rest[at] switch
            {
                0xC2 => rest[at + 1] < 0xA0, // U+0080–U+009F: C1 controls, NEL
                0xE2 => rest[at + 1] == 0x80 && rest[at + 2] is 0xA8 or 0xA9, // U+2028, U+2029
                0xEF => (rest[at + 1] == 0xBB && rest[at + 2] == 0xBF) || (rest[at + 1] == 0xBF && rest[at + 2] >= 0xBE), // U+FEFF, U+FFFE, U+FFFF
                _ => true,
            };
            if (refused)
            {
                return false;
            }

            rest = rest[(at + 1)..];
        }
    }

    /// <summary>The document as the loader hands it on.</summary>
    internal static LoadedDocument Document(string path, int index, byte[] json, PositionTable positions)
    {
        var (line, column) = positions.Root;
        return new LoadedDocument(index, new SourceLocation(path, line, column), json, new SourceMap(path, positions));
    }
}
