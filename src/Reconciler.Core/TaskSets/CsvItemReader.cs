using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using nietras.SeparatedValues;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Manifests;

namespace Reconciler.Core.TaskSets;

/// <summary>
/// Reads a set's CSV file into items, one row at a time with Sep (RFC 4180: quotes, doubled quotes, CRLF, newlines
/// inside quoted cells; a UTF-8 byte order mark is skipped, blank lines are ignored). Problems with the file or its
/// header are returned once for the whole file; a problem in a row (a missing task_id, a cell too long, a broken
/// quote, a wrong number of cells) makes only that row's item invalid, at the cell's <c>file.csv:LINE:COLUMN</c>.
/// </summary>
internal static class CsvItemReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <param name="itemBudget">How many more items the set may hold: reading stops (with a problem) beyond it.</param>
    public static CsvRead Read(ManifestFile csv, CsvSchemaContext context, TaskSetLimits limits, int itemBudget)
    {
        if (csv.Length > limits.MaxCsvBytes)
        {
            return CsvRead.Failed(csv.Path, $"the CSV file is {csv.Length:N0} bytes; the limit is {limits.MaxCsvBytes:N0} bytes");
        }

        ReadOnlyMemory<byte> bytes;
        try
        {
            bytes = csv.Read();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return CsvRead.Failed(csv.Path, $"cannot read the CSV file: {e.Message}");
        }

        if (bytes.Length > limits.MaxCsvBytes)
        {
            return CsvRead.Failed(csv.Path, $"the CSV file is {bytes.Length:N0} bytes; the limit is {limits.MaxCsvBytes:N0} bytes");
        }

        var span = bytes.Span;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return CsvRead.Failed(csv.Path, "the CSV file is UTF-16 encoded; save it as UTF-8");
        }

        var skip = span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var rows = new CsvRows(csv.Path, context, limits, itemBudget);
        try
        {
            using var stream = Stream(bytes[skip..]);
            using var text = new StreamReader(stream, StrictUtf8, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024);
            using var reader = Sep.New(',').Reader(o => o with { HasHeader = false, DisableColCountCheck = true }).From(text);
            var first = true;
            foreach (var row in reader)
            {
                // Sep numbers the first row's lines from 2; every later row's are right.
                var line = first ? 1 : row.LineNumberFrom;
                first = false;
                if (!rows.Add(row, line))
                {
                    break;
                }
            }
        }
        catch (DecoderFallbackException)
        {
            return CsvRead.Failed(csv.Path, $"the CSV file is not valid UTF-8 (after line {rows.LastLine}); save it as UTF-8");
        }

        return rows.Result();
    }

    /// <summary>Where a cell's characters start inside its row (both are views of Sep's one buffer).</summary>
    public static int Offset(ReadOnlySpan<char> row, ReadOnlySpan<char> cell) =>
        (int)(Unsafe.ByteOffset(ref MemoryMarshal.GetReference(row), ref MemoryMarshal.GetReference(cell)) / sizeof(char));

    private static MemoryStream Stream(ReadOnlyMemory<byte> bytes) =>
        MemoryMarshal.TryGetArray(bytes, out var segment) && segment.Array is { } array
            ? new MemoryStream(array, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(bytes.ToArray(), writable: false);
}
