using Reconciler.Core.Diagnostics;

namespace Reconciler.Core.TaskSets;

/// <summary>What reading a set's CSV file gave: problems with the file as a whole (the set is then not planned), and its items.</summary>
internal sealed record CsvRead(IReadOnlyList<Diagnostic> Problems, IReadOnlyList<SetItem> Items)
{
    public static CsvRead Failed(string file, string message, int line = 1, int column = 1) =>
        new([Diagnostic.Error("taskset-csv", message, new SourceLocation(file, line, column))], []);
}
