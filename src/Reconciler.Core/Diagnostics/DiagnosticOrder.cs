namespace Reconciler.Core.Diagnostics;

/// <summary>The one order in which diagnostics are shown: by file, line, column, then errors before warnings, then text.</summary>
public sealed class DiagnosticOrder : IComparer<Diagnostic>
{
    public static readonly DiagnosticOrder Instance = new();

    public int Compare(Diagnostic? x, Diagnostic? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        var byLocation = (x.Location, y.Location) switch
        {
            (null, null) => 0,
            (null, _) => -1,
            (_, null) => 1,
            var (a, b) => a.CompareTo(b),
        };
        if (byLocation != 0)
        {
            return byLocation;
        }

        var bySeverity = x.Severity.CompareTo(y.Severity);
        if (bySeverity != 0)
        {
            return bySeverity;
        }

        var byPath = string.CompareOrdinal(x.JsonPath, y.JsonPath);
        return byPath != 0 ? byPath : string.CompareOrdinal(x.Message, y.Message);
    }

    /// <summary>Sorted, duplicates removed; an exact array (the shared empty one when there are none): every valid task holds its warnings.</summary>
    public static IReadOnlyList<Diagnostic> Sort(IEnumerable<Diagnostic> diagnostics)
    {
        Diagnostic[] sorted = [.. diagnostics.Distinct().Order(Instance)];
        return sorted.Length == 0 ? [] : sorted;
    }
}
