using System.Collections.Concurrent;
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
internal static class EcmaPattern
{
    private static readonly ConcurrentDictionary<string, Regex> Cache = new(StringComparer.Ordinal);

    /// <summary>
    /// The .NET regular expression with the pattern's ECMA-262 meaning (cached: schemas repeat patterns); for the patterns
    /// of our own schemas, the same expression compiled ahead of time (<see cref="PrecompiledPatterns"/>).
    /// </summary>
    /// <exception cref="UnsupportedPatternException">The pattern cannot be translated exactly.</exception>
    public static Regex Create(string pattern) =>
        Cache.GetOrAdd(pattern, static p => PrecompiledPatterns.ByPattern.TryGetValue(p, out var precompiled) ? precompiled : new Regex(Translate(p), RegexOptions.CultureInvariant));

    /// <summary>The .NET pattern text (see <see cref="Create"/>).</summary>
    /// <exception cref="UnsupportedPatternException">The pattern cannot be translated exactly.</exception>
    public static string Translate(string pattern)
    {
        try
        {
            var body = new PatternTranslator(PatternCursor.Over(pattern)).Pattern();

            // A match never starts between the two halves of a surrogate pair (ECMA-262 steps over code points).
            return $"(?!(?<=[\\uD800-\\uDBFF])[\\uDC00-\\uDFFF])(?:{body})";
        }
        catch (UnsupportedPatternException e)
        {
            throw new UnsupportedPatternException($"pattern '{pattern}': {e.Message}");
        }
    }
}
