using System.Globalization;
using System.Runtime.ExceptionServices;

namespace Reconciler.Core.Planning;

/// <summary>
/// Works out rows that depend on nothing but themselves (each task of a plan: its text, its JSON, its comparison with a
/// live read) on every core and hands them on in their
/// order: the rows are cut into chunks, a window of chunks is worked out in parallel, and the window is handed on in
/// order before the next one starts. What comes out is what a loop gives, in the same order; what is held is one window
/// (a few hundred rows), never the whole plan. A first plan of 10,000 tasks writes about 14 MB of text: most of its
/// serial time after the manifests were evaluated.
/// </summary>
internal static class ParallelRows
{
    /// <summary>Rows per chunk: enough to make a chunk worth a thread, few enough to spread a small plan.</summary>
    private const int ChunkRows = 32;

    /// <summary>Each row's text, written in order.</summary>
    /// <param name="parallel">False renders in a loop on the calling thread (the tests' reference).</param>
    public static void Write<T>(IReadOnlyList<T> rows, TextWriter output, Action<TextWriter, T> render, bool parallel = true) =>
        Map(
            rows,
            row =>
            {
                using var text = new StringWriter(CultureInfo.InvariantCulture);
                render(text, row);
                return text.ToString();
            },
            output.Write,
            parallel);

    /// <summary>Each row mapped (in parallel), the results consumed in the rows' order on the calling thread.</summary>
    /// <param name="parallel">False maps and consumes in a loop on the calling thread (the tests' reference).</param>
    public static void Map<T, TResult>(IReadOnlyList<T> rows, Func<T, TResult> map, Action<TResult> consume, bool parallel = true)
    {
        var chunks = (rows.Count + ChunkRows - 1) / ChunkRows;
        if (!parallel || chunks < 2 || Environment.ProcessorCount < 2)
        {
            foreach (var row in rows)
            {
                consume(map(row));
            }

            return;
        }

        var windowChunks = Math.Min(chunks, Environment.ProcessorCount * 4);
        var results = new TResult[windowChunks * ChunkRows];
        for (var first = 0; first * ChunkRows < rows.Count; first += windowChunks)
        {
            var start = first * ChunkRows;
            var count = Math.Min(windowChunks * ChunkRows, rows.Count - start);
            try
            {
                Parallel.For(0, (count + ChunkRows - 1) / ChunkRows, chunk =>
                {
                    for (var i = chunk * ChunkRows; i < Math.Min((chunk + 1) * ChunkRows, count); i++)
                    {
                        results[i] = map(rows[start + i]);
                    }
                });
            }
            catch (AggregateException e) when (e.InnerExceptions.Count > 0)
            {
                // As the loop would have failed: the row's own exception, not a wrapper.
                ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            }

            for (var i = 0; i < count; i++)
            {
                consume(results[i]);
                results[i] = default!;
            }
        }
    }
}
