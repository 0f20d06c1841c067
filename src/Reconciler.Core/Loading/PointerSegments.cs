namespace Reconciler.Core.Loading;

/// <summary>Reading a JSON Pointer (RFC 6901) one segment at a time, without splitting it up front.</summary>
internal static class PointerSegments
{
    /// <summary>
    /// Takes the next segment off <paramref name="rest"/> (which must start with '/'); false when the pointer
    /// is used up or is not a pointer there.
    /// </summary>
    public static bool Next(ref ReadOnlySpan<char> rest, out ReadOnlySpan<char> segment)
    {
        segment = default;
        if (rest.Length == 0 || rest[0] != '/')
        {
            return false;
        }

        rest = rest[1..];
        var end = rest.IndexOf('/');
        segment = end < 0 ? rest : rest[..end];
        rest = end < 0 ? [] : rest[end..];
        return true;
    }

    /// <summary>A segment with its escapes (~1, ~0) undone.</summary>
    public static string Unescape(ReadOnlySpan<char> segment) =>
        segment.Contains('~') ? segment.ToString().Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal) : segment.ToString();

    /// <summary>An array index as pointers write it: digits, no leading zero.</summary>
    public static int? Index(ReadOnlySpan<char> segment) =>
        segment.Length > 0 && segment.Length < 10 && segment.IndexOfAnyExceptInRange('0', '9') < 0 && (segment.Length == 1 || segment[0] != '0')
            ? int.Parse(segment, provider: System.Globalization.CultureInfo.InvariantCulture)
            : null;
}
