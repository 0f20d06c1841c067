using System.Globalization;

namespace Reconciler.Core.Validation.Patterns;

/// <summary>
/// The escapes and character classes of ECMA-262's pattern grammar (<c>u</c> mode), read into code points and
/// <see cref="CodePointSet"/>s: the part of the grammar that decides what a single character may be.
/// </summary>
internal static class PatternEscapes
{
    private const string SyntaxCharacters = "^$\\.*+?()[]{}|";

    /// <summary><c>\d \D \s \S \w \W</c> (after the backslash); <c>\p</c>/<c>\P</c> are refused.</summary>
    public static CodePointSet? ClassEscape(PatternCursor cursor)
    {
        CodePointSet? set = cursor.Peek() switch
        {
            'd' or 'D' => CodePointSet.Digit(),
            's' or 'S' => CodePointSet.Space(),
            'w' or 'W' => CodePointSet.Word(),
            'p' or 'P' => throw cursor.Refuse("Unicode property escapes (\\p{…}) are not supported: .NET reads them per UTF-16 unit and with its own Unicode version"),
            _ => null,
        };
        if (set is null)
        {
            return null;
        }

        var negated = char.IsUpper((char)cursor.Next());
        return negated ? set.Complement() : set;
    }

    /// <summary>A character escape (after the backslash) as its code point.</summary>
    public static int CharacterEscape(PatternCursor cursor, bool inClass)
    {
        var c = cursor.Next();
        switch (c)
        {
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'v': return '\v';
            case 'b' when inClass: return '\b';
            case '-' when inClass: return '-';
            case '0' when cursor.Peek() is not (>= '0' and <= '9'): return 0;
            case 'c' when cursor.Peek() is >= 'A' and <= 'Z' or >= 'a' and <= 'z': return cursor.Next() % 32;
            case 'x': return cursor.Hex(2);
            case 'u': return UnicodeEscape(cursor);
            default:
                if (c == '/' || (c < 0x80 && SyntaxCharacters.Contains((char)c, StringComparison.Ordinal)))
                {
                    return c;
                }

                throw cursor.Refuse(c < 0 ? "a pattern ending in '\\'" : $"'\\{char.ConvertFromUtf32(c)}' is not an escape of the u mode");
        }
    }

    /// <summary>A class <c>[…]</c> after its opening bracket, as the set of code points it matches.</summary>
    public static CodePointSet CharacterClass(PatternCursor cursor)
    {
        var negated = cursor.Eat('^');
        var set = new CodePointSet();
        while (!cursor.Eat(']'))
        {
            var (low, lowSet) = ClassAtom(cursor);
            if (cursor.Peek() == '-' && cursor.PeekAt(1) is not (']' or -1))
            {
                cursor.Next();
                var (high, highSet) = ClassAtom(cursor);
                if (lowSet is not null || highSet is not null)
                {
                    throw cursor.Refuse("a range with a class escape as an end");
                }

                set.Add(low <= high ? low : throw cursor.Refuse("a range out of order"), high);
            }
            else if (lowSet is not null)
            {
                set.Add(lowSet);
            }
            else
            {
                set.Add(low, low);
            }
        }

        return negated ? set.Complement() : set;
    }

    private static (int Point, CodePointSet? Set) ClassAtom(PatternCursor cursor)
    {
        var c = cursor.Next();
        if (c < 0)
        {
            throw cursor.Refuse("an unclosed character class");
        }

        if (c != '\\')
        {
            return (c, null);
        }

        return ClassEscape(cursor) is { } set ? (-1, set) : (CharacterEscape(cursor, inClass: true), null);
    }

    /// <summary><c>\uXXXX</c> (a surrogate pair written as two joins into one code point) or <c>\u{…}</c>.</summary>
    private static int UnicodeEscape(PatternCursor cursor)
    {
        if (cursor.Eat('{'))
        {
            var start = cursor.Position;
            while (cursor.Peek() is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F')
            {
                cursor.Next();
            }

            var digits = cursor.TextFrom(start);
            cursor.Expect('}');
            return digits.Length is > 0 and <= 6 && int.Parse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture) is var point && point <= CodePointSet.MaxCodePoint
                ? point
                : throw cursor.Refuse("'\\u{…}' beyond U+10FFFF");
        }

        var unit = cursor.Hex(4);
        if (unit is >= 0xD800 and <= 0xDBFF && cursor.Ahead("\\u"))
        {
            var back = cursor.Position;
            cursor.Position += 2;
            var low = cursor.Hex(4);
            if (low is >= 0xDC00 and <= 0xDFFF)
            {
                return char.ConvertToUtf32((char)unit, (char)low);
            }

            cursor.Position = back;
        }

        return unit;
    }
}
