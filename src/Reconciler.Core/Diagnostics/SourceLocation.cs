using Reconciler.Core.Text;

namespace Reconciler.Core.Diagnostics;

/// <summary>A place in a manifest file: repository-relative path with forward slashes, 1-based line and column.</summary>
public sealed record SourceLocation(string File, int Line, int Column) : IComparable<SourceLocation>
{
    public static SourceLocation StartOf(string file) => new(file, 1, 1);

    public int CompareTo(SourceLocation? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byFile = string.CompareOrdinal(File, other.File);
        if (byFile != 0)
        {
            return byFile;
        }

        return Line != other.Line ? Line.CompareTo(other.Line) : Column.CompareTo(other.Column);
    }

    /// <summary><c>file:line:column</c>, the file name escaped (<see cref="ControlText"/>): a newline in a name cannot split a line.</summary>
    public override string ToString() => Display("");

    /// <summary>
    /// <c>file:line:column</c> as shown from elsewhere: <paramref name="filePrefix"/> (a display prefix, e.g. the manifest
    /// directory as typed) before the file, both escaped. Written as it is shown, so a plan need not be copied to show it.
    /// </summary>
    public string Display(string filePrefix) => $"{ControlText.Escape(filePrefix)}{ControlText.Escape(File)}:{Line}:{Column}";

    public static bool operator <(SourceLocation? left, SourceLocation? right) => Comparer<SourceLocation?>.Default.Compare(left, right) < 0;

    public static bool operator <=(SourceLocation? left, SourceLocation? right) => Comparer<SourceLocation?>.Default.Compare(left, right) <= 0;

    public static bool operator >(SourceLocation? left, SourceLocation? right) => Comparer<SourceLocation?>.Default.Compare(left, right) > 0;

    public static bool operator >=(SourceLocation? left, SourceLocation? right) => Comparer<SourceLocation?>.Default.Compare(left, right) >= 0;
}
