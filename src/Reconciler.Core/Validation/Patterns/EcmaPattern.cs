using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Reconciler.Core.Validation.Patterns;

/// <summary>
/// JSON Schema's regular expressions are ECMA-262's, built with the <c>u</c> flag (draft 2020-12, core §6.4); .NET's
/// differ even with <see cref="RegexOptions.ECMAScript"/>: <c>$</c> also matches before a final line feed, <c>\s</c>
/// and <c>\w</c> are wider, <c>.</c> splits a surrogate pair. This translates a pattern to a .NET pattern with
/// ECMA-262's meaning: <c>$</c> → <c>\z</c>, <c>\d \w \s</c> (and their negations, <c>.</c>, <c>\b</c>) as ECMA
/// defines them, every class over whole code points. Whatever it cannot translate exactly — Unicode property escapes
/// (<c>\p{…}</c>), lookbehind, backreferences, classes with some characters beyond U+FFFF — and whatever the
/// <c>u</c> mode refuses is refused with <see cref="UnsupportedPatternException"/>, when the schema is built.
/// </summary>
public static class EcmaPattern
{
    private static readonly ConcurrentDictionary<string, Regex> Cache = new(StringComparer.Ordinal);

    /// <summary>The .NET regular expression with the pattern's ECMA-262 meaning (cached: schemas repeat patterns).</summary>
    /// <exception cref="UnsupportedPatternException">The pattern cannot be translated exactly.</exception>
    public static Regex Create(string pattern) =>
        Cache.GetOrAdd(pattern, static p => new Regex(Translate(p), RegexOptions.CultureInvariant));

    /// <summary>The .NET pattern text (see <see cref="Create"/>).</summary>
    /// <exception cref="UnsupportedPatternException">The pattern cannot be translated exactly.</exception>
    public static string Translate(string pattern)
    {
        try
        {
            var body = new Translator(CodePoints(pattern)).Pattern();

            // A match never starts between the two halves of a surrogate pair (ECMA-262 steps over code points).
            return $"(?!(?<=[\\uD800-\\uDBFF])[\\uDC00-\\uDFFF])(?:{body})";
        }
        catch (UnsupportedPatternException e)
        {
            throw new UnsupportedPatternException($"pattern '{pattern}': {e.Message}");
        }
    }

    private static int[] CodePoints(string pattern)
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

        return [.. points];
    }

    /// <summary>A recursive-descent reader of ECMA-262's pattern grammar (<c>u</c> mode) that writes .NET as it goes.</summary>
    private sealed class Translator(int[] text)
    {
        private const string SyntaxCharacters = "^$\\.*+?()[]{}|";
        private const string WordClass = "[0-9A-Z_a-z]";
        private int _at;

        public string Pattern()
        {
            var result = Disjunction();
            return _at == text.Length ? result : throw Refuse($"unexpected '{(char)text[_at]}'");
        }

        private string Disjunction()
        {
            var alternatives = new List<string> { Alternative() };
            while (Eat('|'))
            {
                alternatives.Add(Alternative());
            }

            return string.Join("|", alternatives);
        }

        private string Alternative()
        {
            var terms = new StringBuilder();
            while (_at < text.Length && text[_at] is not '|' and not ')')
            {
                terms.Append(Term());
            }

            return terms.ToString();
        }

        private string Term()
        {
            if (Assertion() is { } assertion)
            {
                return Peek() is '*' or '+' or '?' or '{' ? throw Refuse("a quantifier after an assertion") : assertion;
            }

            var atom = Atom();
            return Quantifier() is { } quantifier ? $"(?:{atom}){quantifier}" : atom;
        }

        private string? Assertion()
        {
            if (Eat('^'))
            {
                return "^";
            }

            if (Eat('$'))
            {
                return "\\z"; // end of input only: .NET's $ also matches before a final line feed
            }

            if (Ahead("\\b"))
            {
                _at += 2;
                return $"(?:(?<={WordClass})(?!{WordClass})|(?<!{WordClass})(?={WordClass}))";
            }

            if (Ahead("\\B"))
            {
                _at += 2;
                return $"(?:(?<={WordClass})(?={WordClass})|(?<!{WordClass})(?!{WordClass}))";
            }

            if (Ahead("(?<=") || Ahead("(?<!"))
            {
                throw Refuse("lookbehind is not supported");
            }

            foreach (var open in new[] { "(?=", "(?!" })
            {
                if (Ahead(open))
                {
                    _at += 3;
                    var inner = Disjunction();
                    Expect(')');
                    return $"{open}{inner})";
                }
            }

            return null;
        }

        private string Atom()
        {
            var c = Next();
            switch (c)
            {
                case '.':
                    return CodePointSet.Dot().ToDotNet();
                case '\\':
                    return AtomEscape();
                case '[':
                    return CharacterClass();
                case '(':
                    if (Ahead("?:"))
                    {
                        _at += 2;
                    }
                    else if (Ahead("?<"))
                    {
                        _at += 2;
                        GroupName();
                    }
                    else if (Peek() == '?')
                    {
                        throw Refuse("unknown group '(?'");
                    }

                    var inner = Disjunction();
                    Expect(')');
                    return $"(?:{inner})"; // captures do not matter to a match/no-match answer
                case '*' or '+' or '?' or '{' or '}' or ']' or ')' or '|':
                    throw Refuse($"'{(char)c}' is not valid here (escape it)");
                default:
                    return Literal(c);
            }
        }

        private string AtomEscape()
        {
            var c = Peek();
            if (c is >= '1' and <= '9' || c == 'k')
            {
                throw Refuse("backreferences are not supported");
            }

            if (ClassEscape() is { } set)
            {
                return set.ToDotNet();
            }

            return Literal(CharacterEscape(inClass: false));
        }

        /// <summary><c>\d \D \s \S \w \W</c> (after the backslash); <c>\p</c>/<c>\P</c> are refused.</summary>
        private CodePointSet? ClassEscape()
        {
            CodePointSet? set = Peek() switch
            {
                'd' or 'D' => CodePointSet.Digit(),
                's' or 'S' => CodePointSet.Space(),
                'w' or 'W' => CodePointSet.Word(),
                'p' or 'P' => throw Refuse("Unicode property escapes (\\p{…}) are not supported: .NET reads them per UTF-16 unit and with its own Unicode version"),
                _ => null,
            };
            if (set is null)
            {
                return null;
            }

            var negated = char.IsUpper((char)Next());
            return negated ? set.Complement() : set;
        }

        /// <summary>A character escape (after the backslash) as its code point.</summary>
        private int CharacterEscape(bool inClass)
        {
            var c = Next();
            switch (c)
            {
                case 'f': return '\f';
                case 'n': return '\n';
                case 'r': return '\r';
                case 't': return '\t';
                case 'v': return '\v';
                case 'b' when inClass: return '\b';
                case '-' when inClass: return '-';
                case '0' when Peek() is not (>= '0' and <= '9'): return 0;
                case 'c' when Peek() is >= 'A' and <= 'Z' or >= 'a' and <= 'z': return Next() % 32;
                case 'x': return Hex(2);
                case 'u': return UnicodeEscape();
                default:
                    if (c == '/' || (c < 0x80 && SyntaxCharacters.Contains((char)c, StringComparison.Ordinal)))
                    {
                        return c;
                    }

                    throw Refuse(c < 0 ? "a pattern ending in '\\'" : $"'\\{char.ConvertFromUtf32(c)}' is not an escape of the u mode");
            }
        }

        private int UnicodeEscape()
        {
            if (Eat('{'))
            {
                var start = _at;
                while (Peek() is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F')
                {
                    _at++;
                }

                var digits = string.Concat(text[start.._at].Select(d => (char)d));
                Expect('}');
                return digits.Length is > 0 and <= 6 && int.Parse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture) is var point && point <= CodePointSet.MaxCodePoint
                    ? point
                    : throw Refuse("'\\u{…}' beyond U+10FFFF");
            }

            var unit = Hex(4);
            if (unit is >= 0xD800 and <= 0xDBFF && Ahead("\\u"))
            {
                var back = _at;
                _at += 2;
                var low = Hex(4);
                if (low is >= 0xDC00 and <= 0xDFFF)
                {
                    return char.ConvertToUtf32((char)unit, (char)low);
                }

                _at = back;
            }

            return unit;
        }

        private int Hex(int count)
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

        private string CharacterClass()
        {
            var negated = Eat('^');
            var set = new CodePointSet();
            while (!Eat(']'))
            {
                var (low, lowSet) = ClassAtom();
                if (Peek() == '-' && _at + 1 < text.Length && text[_at + 1] != ']')
                {
                    _at++;
                    var (high, highSet) = ClassAtom();
                    if (lowSet is not null || highSet is not null)
                    {
                        throw Refuse("a range with a class escape as an end");
                    }

                    set.Add(low <= high ? low : throw Refuse("a range out of order"), high);
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

            return (negated ? set.Complement() : set).ToDotNet();
        }

        private (int Point, CodePointSet? Set) ClassAtom()
        {
            var c = Next();
            if (c < 0)
            {
                throw Refuse("an unclosed character class");
            }

            if (c != '\\')
            {
                return (c, null);
            }

            return ClassEscape() is { } set ? (-1, set) : (CharacterEscape(inClass: true), null);
        }

        /// <summary><c>* + ? {n} {n,} {n,m}</c>, each optionally lazy; null when none follows.</summary>
        private string? Quantifier()
        {
            string quantifier;
            switch (Peek())
            {
                case '*' or '+' or '?':
                    quantifier = ((char)Next()).ToString();
                    break;
                case '{':
                    _at++;
                    var min = Count() ?? throw Refuse("a '{' that does not start a quantifier (escape it)");
                    quantifier = $"{{{min}}}";
                    if (Eat(','))
                    {
                        var max = Count();
                        quantifier = max < min ? throw Refuse("a quantifier whose maximum is below its minimum") : $"{{{min},{max}}}";
                    }

                    Expect('}');
                    break;
                default:
                    return null;
            }

            return Eat('?') ? quantifier + "?" : quantifier;
        }

        private int? Count()
        {
            var start = _at;
            while (Peek() is >= '0' and <= '9')
            {
                _at++;
            }

            var digits = string.Concat(text[start.._at].Select(d => (char)d));
            if (digits.Length == 0)
            {
                return null;
            }

            return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
                ? count
                : throw Refuse("a repetition count beyond 2,147,483,647");
        }

        private static string Literal(int point)
        {
            if (point is >= 0xD800 and <= 0xDFFF)
            {
                return CodePointSet.Of((point, point)).ToDotNet(); // a lone surrogate matches only a lone one, never half a pair
            }

            return point < 0x10000
                ? CodePointSet.Unit(point)
                : string.Concat(char.ConvertFromUtf32(point).Select(u => CodePointSet.Unit(u)));
        }

        private void GroupName()
        {
            var start = _at;
            while (Peek() is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_' or '$')
            {
                _at++;
            }

            if (_at == start || !Eat('>'))
            {
                throw Refuse("a group name other than letters, digits, '_' and '$'");
            }
        }

        private int Peek() => _at < text.Length ? text[_at] : -1;

        private int Next() => _at < text.Length ? text[_at++] : -1;

        private bool Eat(char c)
        {
            if (Peek() != c)
            {
                return false;
            }

            _at++;
            return true;
        }

        private void Expect(char c)
        {
            if (!Eat(c))
            {
                throw Refuse($"expected '{c}'");
            }
        }

        private bool Ahead(string s)
        {
            for (var i = 0; i < s.Length; i++)
            {
                if (_at + i >= text.Length || text[_at + i] != s[i])
                {
                    return false;
                }
            }

            return true;
        }

        private UnsupportedPatternException Refuse(string reason) => new($"{reason} (at character {_at})");
    }
}
