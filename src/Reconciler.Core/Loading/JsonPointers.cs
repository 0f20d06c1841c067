namespace Reconciler.Core.Loading;

/// <summary>Building JSON Pointers (RFC 6901) one segment at a time.</summary>
internal static class JsonPointers
{
    public static string Append(string pointer, string segment) =>
        pointer + "/" + segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    public static string Append(string pointer, int index) =>
        pointer + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Of(params object[] segments) =>
        segments.Aggregate("", (pointer, segment) => segment is int index ? Append(pointer, index) : Append(pointer, segment.ToString()!));
}
