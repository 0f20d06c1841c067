namespace Reconciler.Core.Validation;

/// <summary>
/// Orders JSON Pointers segment by segment, array indexes by number, so <c>/line/2</c> comes before
/// <c>/line/10</c> and a parent comes before its children.
/// </summary>
internal sealed class PointerOrder : IComparer<string>
{
    public static readonly PointerOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        var a = (x ?? "").Split('/');
        var b = (y ?? "").Split('/');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var bySegment = CompareSegment(a[i], b[i]);
            if (bySegment != 0)
            {
                return bySegment;
            }
        }

        return a.Length.CompareTo(b.Length);
    }

    private static int CompareSegment(string a, string b)
    {
        // Digits are compared by length first, then text: numeric order without parsing.
        if (IsDigits(a) && IsDigits(b) && a.Length != b.Length)
        {
            return a.Length.CompareTo(b.Length);
        }

        return string.CompareOrdinal(a, b);
    }

    private static bool IsDigits(string s) => s.Length > 0 && s.All(char.IsAsciiDigit);
}
