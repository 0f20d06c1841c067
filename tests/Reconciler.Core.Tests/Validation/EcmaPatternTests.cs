using Reconciler.Core.Validation.Patterns;
using Xunit;

namespace Reconciler.Core.Tests.Validation;

/// <summary>
/// Schema patterns mean what ECMA-262 (with the <c>u</c> flag) says. Every expected answer below was taken from
/// JavaScript itself (<c>new RegExp(pattern, "u").test(text)</c>, Node 18), not written by hand.
/// </summary>
public sealed class EcmaPatternTests
{
    [Theory]
    [InlineData("^a$", "a", true)]
    [InlineData("^a$", "a\u000A", false)]
    [InlineData("^[0-9]+$", "123\u000A", false)]
    [InlineData("^[0-9]+$", "\u0661\u0662\u0663", false)]
    [InlineData("^\\d$", "\u0663", false)]
    [InlineData("^\\s$", "\u00A0", true)]
    [InlineData("^\\s$", "\uFEFF", true)]
    [InlineData("^\\s$", "\u2029", true)]
    [InlineData("^\\s$", "\u2003", true)]
    [InlineData("^\\s$", "\u0085", false)]
    [InlineData("^\\S$", "\u0085", true)]
    [InlineData("^\\S$", "\u00A0", false)]
    [InlineData("^\\w$", "\u00E9", false)]
    [InlineData("^\\w$", "_", true)]
    [InlineData("^\\W$", "\u00E9", true)]
    [InlineData("^.$", "\uD83D\uDE00", true)]
    [InlineData("^..$", "\uD83D\uDE00", false)]
    [InlineData("^.$", "\u000A", false)]
    [InlineData("^.$", "\u000D", false)]
    [InlineData("^.$", "\u2028", false)]
    [InlineData("^.$", "\u0085", true)]
    [InlineData("^[^a]$", "\uD83D\uDE00", true)]
    [InlineData("^[^a]{2}$", "\uD83D\uDE00", false)]
    [InlineData("^\\S$", "\uD83D\uDE00", true)]
    [InlineData("^\\D$", "\uD83D\uDE00", true)]
    [InlineData("^[\\s\\S]$", "\uD83D\uDE00", true)]
    [InlineData("^[\\uD83D]", "\uD83D\uDE00", false)]
    [InlineData("\\uDE00", "\uD83D\uDE00", false)]
    [InlineData("^\\u{1F600}$", "\uD83D\uDE00", true)]
    [InlineData("^\\uD83D\\uDE00$", "\uD83D\uDE00", true)]
    [InlineData("^\uD83D\uDE00+$", "\uD83D\uDE00\uD83D\uDE00", true)]
    [InlineData("\\bfoo\\b", "\u00E9 foo", true)]
    [InlineData("\\bfoo", "\u00E9foo", true)]
    [InlineData("\\Bfoo", "\u00E9foo", false)]
    [InlineData("^(?!\\.{1,2}$)[A-Za-z0-9._~-]+$", "..", false)]
    [InlineData("^(?!\\.{1,2}$)[A-Za-z0-9._~-]+$", "..\u000A", false)]
    [InlineData("^(?!\\.{1,2}$)[A-Za-z0-9._~-]+$", "a.b", true)]
    [InlineData("^a{2,3}$", "aaaa", false)]
    [InlineData("^a{2,}?$", "aaaa", true)]
    [InlineData("^(?:ab|cd)*$", "abcdab", true)]
    [InlineData("^(?<n>x)y$", "xy", true)]
    [InlineData("^[a-c\\-]+$", "a-c", true)]
    [InlineData("^[\\b]$", "\u0008", true)]
    [InlineData("^\\cJ$", "\u000A", true)]
    [InlineData("^\\x41\\u0042$", "AB", true)]
    [InlineData("^\\0$", "\u0000", true)]
    [InlineData("^[^]$", "x", true)]
    [InlineData("^[]$", "", false)]
    [InlineData("^\\/$", "/", true)]
    [InlineData("x$", "x\u000A", false)]
    [InlineData("^\\t\\v\\f$", "\u0009\u000B\u000C", true)]
    [InlineData("^[\\d-]$", "-", true)]
    [InlineData("^(a|)$", "", true)]
    [InlineData("a|b$", "b\u000A", false)]
    public void Pattern_MatchesAsEcma262Does(string pattern, string text, bool expected)
    {
        Assert.Equal(expected, EcmaPattern.Create(pattern).IsMatch(text));
    }

    [Fact]
    public void Pattern_LoneSurrogate_MatchesOnlyALoneOneNeverHalfAPair()
    {
        // Kept out of the theory data: a lone surrogate in a test name breaks the result file.
        var lone = ((char)0xD800).ToString();
        Assert.Matches(EcmaPattern.Create("^\\uD800$"), lone);
        Assert.DoesNotMatch(EcmaPattern.Create("\\uD800"), lone + (char)0xDC00);
        Assert.Matches(EcmaPattern.Create("^.$"), lone);
        Assert.Matches(EcmaPattern.Create("^[^a]$"), lone);
    }

    [Theory]
    [InlineData("\\p{L}", "property escapes")]
    [InlineData("\\P{Lu}", "property escapes")]
    [InlineData("(?<=a)b", "lookbehind")]
    [InlineData("(?<!a)b", "lookbehind")]
    [InlineData("(a)\\1", "backreferences")]
    [InlineData("\\k<n>", "backreferences")]
    [InlineData("a{2,1}", "maximum is below its minimum")]
    [InlineData("a{99999999999}", "beyond 2,147,483,647")]
    [InlineData("a**", "not valid here")]
    [InlineData("{", "not valid here")]
    [InlineData("a{", "does not start a quantifier")]
    [InlineData("]", "not valid here")]
    [InlineData("\\a", "not an escape of the u mode")]
    [InlineData("[z-a]", "out of order")]
    [InlineData("[\\d-z]", "class escape as an end")]
    [InlineData("[a", "unclosed")]
    [InlineData("(a", "expected ')'")]
    [InlineData("a\\", "ending in")]
    [InlineData("(?=a)*", "quantifier after an assertion")]
    [InlineData("[\U0001F600]", "beyond U+FFFF")]
    public void Pattern_NotTranslatableExactly_IsRefusedWithItsReason(string pattern, string reason)
    {
        var error = Assert.Throws<UnsupportedPatternException>(() => EcmaPattern.Translate(pattern));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Contains(pattern, error.Message, StringComparison.Ordinal);
    }
}
