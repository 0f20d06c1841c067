using System.Globalization;
using System.Text;

namespace Reconciler.Core.Validation.Patterns;

/// <summary>
/// A set of Unicode code points (U+0000–U+10FFFF, lone surrogates included, as ECMA-262's <c>u</c> mode reads a
/// string), built from a character class, and written out as a .NET pattern that matches exactly one code point of
/// the set: a surrogate pair counts as one character, never as two halves.
/// </summary>
internal sealed class CodePointSet
{
    public const int MaxCodePoint = 0x10FFFF;

    /// <summary>The surrogate pair of any supplementary code point, taken whole (never one half of it).</summary>
    public const string AnyPair = @"[\uD800-\uDBFF][\uDC00-\uDFFF]";

    private const int FirstSurrogate = 0xD800;
    private const int LastHighSurrogate = 0xDBFF;
    private const int FirstSupplementary = 0x10000;

    private readonly List<(int Low, int High)> _ranges = [];

    /// <summary>ECMA-262 <c>\s</c>: WhiteSpace and LineTerminator (tab, VT, FF, space, NBSP, ZWNBSP, Zs, LF, CR, LS, PS).</summary>
    public static CodePointSet Space() => Of((0x09, 0x0D), (0x20, 0x20), (0xA0, 0xA0), (0x1680, 0x1680), (0x2000, 0x200A),
        (0x2028, 0x2029), (0x202F, 0x202F), (0x205F, 0x205F), (0x3000, 0x3000), (0xFEFF, 0xFEFF));

    /// <summary>ECMA-262 <c>\d</c>: ASCII digits only.</summary>
    public static CodePointSet Digit() => Of(('0', '9'));

    /// <summary>ECMA-262 <c>\w</c> without the <c>i</c> flag: ASCII letters, digits and '_'.</summary>
    public static CodePointSet Word() => Of(('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z'));

    /// <summary>What <c>.</c> matches without the <c>s</c> flag: anything but LF, CR, LS and PS.</summary>
    public static CodePointSet Dot() => Of((0x0A, 0x0A), (0x0D, 0x0D), (0x2028, 0x2029)).Complement();

    public static CodePointSet Of(params (int Low, int High)[] ranges)
    {
        var set = new CodePointSet();
        foreach (var (low, high) in ranges)
        {
            set.Add(low, high);
        }

        return set;
    }

    public void Add(int low, int high)
    {
        _ranges.Add((low, high));
        Normalize();
    }

    public void Add(CodePointSet other)
    {
        _ranges.AddRange(other._ranges);
        Normalize();
    }

    public CodePointSet Complement()
    {
        var result = new CodePointSet();
        var next = 0;
        foreach (var (low, high) in _ranges)
        {
            if (low > next)
            {
                result._ranges.Add((next, low - 1));
            }

            next = high + 1;
        }

        if (next <= MaxCodePoint)
        {
            result._ranges.Add((next, MaxCodePoint));
        }

        return result;
    }

    /// <summary>
    /// The .NET pattern of one code point of this set, on UTF-16 text. Supplementary code points are matched as a whole
    /// pair (all of them, or none: a class holding only some is refused); a set holding surrogates never takes one half of a pair.
    /// </summary>
    /// <exception cref="UnsupportedPatternException">The set holds some supplementary code points but not all.</exception>
    public string ToDotNet()
    {
        var units = _ranges.Where(r => r.Low < FirstSupplementary).Select(r => (r.Low, Math.Min(r.High, 0xFFFF))).ToList();
        var supplementary = _ranges.Where(r => r.High >= FirstSupplementary).Select(r => (Math.Max(r.Low, FirstSupplementary), r.High)).ToList();
        var allPairs = supplementary.Count == 1 && supplementary[0] == (FirstSupplementary, MaxCodePoint);
        if (supplementary.Count > 0 && !allPairs)
        {
            throw new UnsupportedPatternException("a character class holding some but not all characters beyond U+FFFF");
        }

        var single = units.Count == 0 ? null : Class(units);
        var holdsHighSurrogates = units.Any(r => r.Low <= LastHighSurrogate && r.Item2 >= FirstSurrogate);
        return (single, allPairs) switch
        {
            (null, false) => "(?!)",
            (null, true) => AnyPair,

            // The pair first, atomically: a high surrogate followed by a low one is one character, never a lone half.
            (_, true) => $"(?>{AnyPair}|{single})",

            // A lone high surrogate is a character of its own; the first half of a pair is not.
            (_, false) when holdsHighSurrogates => $"(?!{AnyPair}){single}",
            _ => single!,
        };
    }

    private static string Class(List<(int Low, int High)> units)
    {
        if (units.Count == 1 && units[0].Low == units[0].High)
        {
            return Unit(units[0].Low);
        }

        var text = new StringBuilder("[");
        foreach (var (low, high) in units)
        {
            text.Append(Unit(low));
            if (high > low)
            {
                text.Append(high > low + 1 ? "-" : "").Append(Unit(high));
            }
        }

        return text.Append(']').ToString();
    }

    /// <summary>One UTF-16 unit as a .NET escape: letters and digits as themselves, anything else as <c>\uXXXX</c>.</summary>
    public static string Unit(int unit) =>
        unit is >= '0' and <= '9' or >= 'A' and <= 'Z' or >= 'a' and <= 'z'
            ? ((char)unit).ToString()
            : "\\u" + unit.ToString("X4", CultureInfo.InvariantCulture);

    private void Normalize()
    {
        _ranges.Sort();
        var merged = new List<(int Low, int High)>(_ranges.Count);
        foreach (var range in _ranges)
        {
            if (merged.Count > 0 && range.Low <= merged[^1].High + 1)
            {
                merged[^1] = (merged[^1].Low, Math.Max(merged[^1].High, range.High));
            }
            else
            {
                merged.Add(range);
            }
        }

        _ranges.Clear();
        _ranges.AddRange(merged);
    }
}
