using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Reconciler.Core.Validation.Patterns;

/// <summary>
/// The <c>pattern</c>s of our own schemas (schemas/*.json), translated by <see cref="EcmaPattern.Translate"/> and compiled
/// ahead of time by the regex source generator: the same expression and options, so the same matches, without the
/// interpreter (a native AOT build cannot compile a regex at run time, and the JIT would pay for it at start-up).
/// A pattern not listed here (a schema from elsewhere) is interpreted as before. <c>PrecompiledPatternsTests</c> checks
/// that every pattern of the schemas is here and that each entry is exactly its translation.
/// </summary>
internal static partial class PrecompiledPatterns
{
    /// <summary>ECMA-262 pattern as the schema writes it → its generated regex.</summary>
    public static readonly FrozenDictionary<string, Regex> ByPattern = new Dictionary<string, Regex>(StringComparer.Ordinal)
    {
        [@"[^\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"] = HasNonSpace(),
        [@"^(?!\.{1,2}$)[A-Za-z0-9._~-]+$"] = PathSegment(),
        [@"^(?:[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}|@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})$"] = GitHubRepository(),
        [@"^([01][0-9]|2[0-3]):[0-5][0-9]$"] = HourMinute(),
        [@"^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$"] = HourMinuteSecond(),
        [@"^[0-9]+$"] = Digits(),
        [@"^[0-9]{4}(-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])|/(0?[1-9]|1[0-2])/(0?[1-9]|[12][0-9]|3[01])) ([01]?[0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$"] = DateAndTime(),
        [@"^[A-Za-z0-9._~-]+$"] = Unreserved(),
        [@"^[A-Za-z][A-Za-z0-9._-]{0,99}$"] = SetName(),
        [@"^[^/].*\.[Cc][Ss][Vv]$"] = RelativeCsvPath(),
        [@"^[^\u0000-\u001f\u007f-\u009f]*$"] = NoControlCharacters(),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    [GeneratedRegex(@"(?!(?<=[\uD800-\uDBFF])[\uDC00-\uDFFF])(?:(?>[\uD800-\uDBFF][\uDC00-\uDFFF]|[\u0000-\u0008\u000E-\u001F\u0021-\u0084\u0086-\u009F\u00A1-\u167F\u1681-\u1FFF\u200B-\u2027\u202A-\u202E\u2030-\u205E\u2060-\u2FFF\u3001-\uFFFF]))", RegexOptions.CultureInvariant)]
    private static partial Regex HasNonSpace();

    [GeneratedRegex(@"(?!(?<=[\uD800-\uDBFF])[\uDC00-\uDFFF])(?:^(?!(?:\u002E){1,2}\z)(?:[\u002D\u002E0-9A-Z\u005Fa-z\u007E])+\z)", RegexOptions.CultureInvariant)]
    private static partial Regex PathSegment();

    [GeneratedRegex(@"(?!(?<=[\uD800-\uDBFF])[\uDC00-\uDFFF])(?:^(?:[0-9A-Za-z](?:(?:[0-9A-Za-z]|\u002D(?=[0-9A-Za-z]))){0,38}|\u0040[0-9A-Za-z](?:(?:[0-9A-Za-z]|\u002D(?=[0-9A-Za-z]))){0,38}\u002F[0-9A-Za-z](?:[\u002D\u002E0-9A-Z\u005Fa-z]){0,99})\z)", RegexOptions.CultureInvariant)]
    private static partial Regex GitHubRepository();

    [GeneratedRegex(@"(?!(?<=[\uD800-\uDBFF])[\uDC00-\uDFFF])(?:^(?:[01][0-9]|2[0-3])\u003A[0-5][0-9]\z)", RegexOptions.CultureInvariant)]
    private static partial Regex HourMinute();

    [GeneratedRegex(@"(?!(?<=[\uD800-\uDBFF])[\uDC00-\uDFFF])(?:^(?:[01][0-9]|2[0-3])\u003A[0-5][0-9]\u003A[0-5][0-9]\z)", RegexOptions.CultureInvariant)]
    private static partial Regex HourMinuteSecond();

    [GeneratedRegex(@"(?!(?<=[\uD800-\uDBFF])[\uDC00-\uDFFF])(?:^(?:[0-9])+\z)", RegexOptions.CultureInvariant)]
    private static partial Regex Digits();

    [GeneratedRegex(@"(?!(?<=[\uD800-\uDBFF])[\uDC00-\uDFFF])(?:^(?:[0-9]){4}(?:\u002D(?:0[1-9]|1[0-2])\u002D(?:0[1-9]|[12][0-9]|3[01])|\u002F(?:(?:0)?[1-9]|1[0-2])\u002F(?:(?:0)?[1-9]|[12][0-9]|3[01]))\u0020(?:(?:[01])?[0-9]|2[0-3])\u003A[0-5][0-9](?:(?:\u003A[0-5][0-9]))?\z)", RegexOptions.CultureInvariant)]
    private static partial Regex DateAndTime();

    [GeneratedRegex(@"(?!(?<=[\uD800-\uDBFF])[\uDC00-\uDFFF])(?:^(?:[\u002D\u002E0-9A-Z\u005Fa-z\u007E])+\z)", RegexOptions.CultureInvariant)]
    private static partial Regex Unreserved();

    [GeneratedRegex(@"(?!(?<=[\uD800-\uDBFF])[\uDC00-\uDFFF])(?:^[A-Za-z](?:[\u002D\u002E0-9A-Z\u005Fa-z]){0,99}\z)", RegexOptions.CultureInvariant)]
    private static partial Regex SetName();

    [GeneratedRegex(@"(?!(?<=[\uD800-\uDBFF])[\uDC00-\uDFFF])(?:^(?>[\uD800-\uDBFF][\uDC00-\uDFFF]|[\u0000-\u002E0-\uFFFF])(?:(?>[\uD800-\uDBFF][\uDC00-\uDFFF]|[\u0000-\u0009\u000B\u000C\u000E-\u2027\u202A-\uFFFF]))*\u002E[Cc][Ss][Vv]\z)", RegexOptions.CultureInvariant)]
    private static partial Regex RelativeCsvPath();

    [GeneratedRegex(@"(?!(?<=[\uD800-\uDBFF])[\uDC00-\uDFFF])(?:^(?:(?>[\uD800-\uDBFF][\uDC00-\uDFFF]|[\u0020-\u007E\u00A0-\uFFFF]))*\z)", RegexOptions.CultureInvariant)]
    private static partial Regex NoControlCharacters();
}
