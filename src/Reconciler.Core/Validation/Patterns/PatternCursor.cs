using System.Globalization;

namespace Reconciler.Core.Validation.Patterns;

/// <summary>
/// A position in a pattern read as code points (ECMA-262's <c>u</c> mode reads code points, not UTF-16 units), with the
/// small reads every part of the grammar shares. <see cref="Peek"/> and <see cref="Next"/> answer -1 past the end.
/// </summary>
internal sealed class PatternCursor(int[] text)
{
    public int Position { get; set; }

    public bool AtEnd => Position >= text.Length;

    public int Peek() => Position < text.Length ? text[Position] : -1;

    /// <summary>The code point <paramref name="offset"/> places ahead, or -1 past the end.</summary>
    public int PeekAt(int offset) => Position + offset < text.Length ? text[Position + offset] : -1;

    public int Next() => Position < text.Length ? text[Position++] : -1;

    public bool Eat(char c)
    {
        if (Peek() != c)
        {
            return false;
        }

        Position++;
        return true;
    }

    public void Expect(char c)
    {
        if (!Eat(c))
        {
            throw Refuse($"expected '{c}'");
        }
    }

    public bool Ahead(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (Position + i >= text.Length || text[Position + i] != s[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Steps over <paramref name="s"/> when it comes next.</summary>
    public bool EatAhead(string s)
    {
        if (!Ahead(s))
        {
            return false;
        }

        Position += s.Length;
        return true;
    }

    /// <summary>The run of characters from <paramref name="start"/> to here, as text.</summary>
    public string TextFrom(int start) => string.Concat(text[start..Position].Select(d => (char)d));

    /// <summary>Exactly <paramref name="count"/> hexadecimal digits as a number.</summary>
    public int Hex(int count)
    {
        var value = 0;
        for (var i = 0; i < count; i++)
        {
            var d = Next();
            value = (value * 16) + d switch
            {
                >= '0' and <= '9' => d - '0',
                >= 'a' and <= 'f' => d - 'a' + 10,
                >= 'A' and <= 'F' => d - 'A' + 10,
                _ => throw Refuse("an incomplete hexadecimal escape"),
            };
        }

        return value;
    }

    /// <summary>A run of decimal digits as a count, or null when none comes next.</summary>
    public int? Count()
    {
        var start = Position;
        while (Peek() is >= '0' and <= '9')
        {
            Position++;
        }

        var digits = TextFrom(start);
        if (digits.Length == 0)
        {
            return null;
        }

        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            ? count
            : throw Refuse("a repetition count beyond 2,147,483,647");
    }

    public UnsupportedPatternException Refuse(string reason) => new($"{reason} (at character {Position})");

    /// <summary>The pattern's code points; a lone surrogate is refused (the <c>u</c> mode reads whole code points).</summary>
    public static PatternCursor Over(string pattern)
    {
        var points = new List<int>(pattern.Length);
        for (var i = 0; i < pattern.Length; i++)
        {
            if (char.IsSurrogate(pattern[i]) && !(i + 1 < pattern.Length && char.IsSurrogatePair(pattern[i], pattern[i + 1])))
            {
                throw new UnsupportedPatternException("a lone surrogate");
            }

            points.Add(char.ConvertToUtf32(pattern, i));
            i += char.IsHighSurrogate(pattern[i]) ? 1 : 0;
        }

        return new PatternCursor([.. points]);
    }
}
