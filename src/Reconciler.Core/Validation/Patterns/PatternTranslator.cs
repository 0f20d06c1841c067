using System.Text;

namespace Reconciler.Core.Validation.Patterns;

/// <summary>
/// A recursive-descent reader of ECMA-262's pattern grammar (<c>u</c> mode) that writes the .NET pattern with the same
/// meaning as it goes: disjunctions, terms, assertions, atoms and quantifiers here; what one character may be is
/// <see cref="PatternEscapes"/>'s.
/// </summary>
internal sealed class PatternTranslator(PatternCursor cursor)
{
    private const string WordClass = "[0-9A-Z_a-z]";

    public string Pattern()
    {
        var result = Disjunction();
        return cursor.AtEnd ? result : throw cursor.Refuse($"unexpected '{(char)cursor.Peek()}'");
    }

    private string Disjunction()
    {
        var alternatives = new List<string> { Alternative() };
        while (cursor.Eat('|'))
        {
            alternatives.Add(Alternative());
        }

        return string.Join("|", alternatives);
    }

    private string Alternative()
    {
        var terms = new StringBuilder();
        while (!cursor.AtEnd && cursor.Peek() is not '|' and not ')')
        {
            terms.Append(Term());
        }

        return terms.ToString();
    }

    private string Term()
    {
        if (Assertion() is { } assertion)
        {
            return cursor.Peek() is '*' or '+' or '?' or '{' ? throw cursor.Refuse("a quantifier after an assertion") : assertion;
        }

        var atom = Atom();
        return Quantifier() is { } quantifier ? $"(?:{atom}){quantifier}" : atom;
    }

    private string? Assertion()
    {
        if (cursor.Eat('^'))
        {
            return "^";
        }

        if (cursor.Eat('$'))
        {
            return "\\z"; // end of input only: .NET's $ also matches before a final line feed
        }

        if (cursor.EatAhead("\\b"))
        {
            return $"(?:(?<={WordClass})(?!{WordClass})|(?<!{WordClass})(?={WordClass}))";
        }

        if (cursor.EatAhead("\\B"))
        {
            return $"(?:(?<={WordClass})(?={WordClass})|(?<!{WordClass})(?!{WordClass}))";
        }

        if (cursor.Ahead("(?<=") || cursor.Ahead("(?<!"))
        {
            throw cursor.Refuse("lookbehind is not supported");
        }

        foreach (var open in new[] { "(?=", "(?!" })
        {
            if (cursor.EatAhead(open))
            {
                var inner = Disjunction();
                cursor.Expect(')');
                return $"{open}{inner})";
            }
        }

        return null;
    }

    private string Atom()
    {
        var c = cursor.Next();
        switch (c)
        {
            case '.':
                return CodePointSet.Dot().ToDotNet();
            case '\\':
                return AtomEscape();
            case '[':
                return PatternEscapes.CharacterClass(cursor).ToDotNet();
            case '(':
                if (!cursor.EatAhead("?:"))
                {
                    if (cursor.EatAhead("?<"))
                    {
                        GroupName();
                    }
                    else if (cursor.Peek() == '?')
                    {
                        throw cursor.Refuse("unknown group '(?'");
                    }
                }

                var inner = Disjunction();
                cursor.Expect(')');
                return $"(?:{inner})"; // captures do not matter to a match/no-match answer
            case '*' or '+' or '?' or '{' or '}' or ']' or ')' or '|':
                throw cursor.Refuse($"'{(char)c}' is not valid here (escape it)");
            default:
                return Literal(c);
        }
    }

    private string AtomEscape()
    {
        var c = cursor.Peek();
        if (c is >= '1' and <= '9' || c == 'k')
        {
            throw cursor.Refuse("backreferences are not supported");
        }

        if (PatternEscapes.ClassEscape(cursor) is { } set)
        {
            return set.ToDotNet();
        }

        return Literal(PatternEscapes.CharacterEscape(cursor, inClass: false));
    }

    /// <summary><c>* + ? {n} {n,} {n,m}</c>, each optionally lazy; null when none follows.</summary>
    private string? Quantifier()
    {
        string quantifier;
        switch (cursor.Peek())
        {
            case '*' or '+' or '?':
                quantifier = ((char)cursor.Next()).ToString();
                break;
            case '{':
                cursor.Next();
                var min = cursor.Count() ?? throw cursor.Refuse("a '{' that does not start a quantifier (escape it)");
                quantifier = $"{{{min}}}";
                if (cursor.Eat(','))
                {
                    var max = cursor.Count();
                    quantifier = max < min ? throw cursor.Refuse("a quantifier whose maximum is below its minimum") : $"{{{min},{max}}}";
                }

                cursor.Expect('}');
                break;
            default:
                return null;
        }

        return cursor.Eat('?') ? quantifier + "?" : quantifier;
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
        var start = cursor.Position;
        while (cursor.Peek() is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_' or '$')
        {
            cursor.Next();
        }

        if (cursor.Position == start || !cursor.Eat('>'))
        {
            throw cursor.Refuse("a group name other than letters, digits, '_' and '$'");
        }
    }
}
