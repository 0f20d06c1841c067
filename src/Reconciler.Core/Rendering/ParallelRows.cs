using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Text;

namespace Reconciler.Core.Rendering;

/// <summary>
/// Writes rows that render independently (each task of a plan) in their order, rendering them on every core: the rows
/// are cut into chunks, a window of chunks is rendered in parallel into text of its own, and the window is written in
/// order before the next one starts. The output is the one a loop would write, byte for byte; what is held is one
/// window (a few hundred rows), never the whole plan. A first plan of 10,000 tasks writes about 14 MB of text: most of
/// its serial time after the manifests were evaluated.
/// </summary>
internal static class ParallelRows
{
    /// <summary>Rows per chunk: enough to make a chunk worth a thread, few enough to spread a small plan.</summary>
    private const int ChunkRows = 32;

    /// <param name="parallel">False renders in a loop on the calling thread (the tests' reference).</param>
    public static void Write<T>(IReadOnlyList<T> rows, TextWriter output, Action<TextWriter, T> render, bool parallel = true)
    {
        var chunks = (rows.Count + ChunkRows - 1) / ChunkRows;
        if (!parallel || chunks < 2 || Environment.ProcessorCount < 2)
        {
            foreach (var row in rows)
            {
                render(output, row);
            }

            return;
        }

        var window = new StringBuilder[Math.Min(chunks, Environment.ProcessorCount * 4)];
        for (var first = 0; first < chunks; first += window.Length)
        {
            var count = Math.Min(window.Length, chunks - first);
            try
            {
                Parallel.For(0, count, i =>
                {
                    var text = window[i] ??= new StringBuilder();
                    text.Clear();
                    using var writer = new StringWriter(text, CultureInfo.InvariantCulture);
                    var start = (first + i) * ChunkRows;
                    for (var row = start; row < Math.Min(start + ChunkRows, rows.Count); row++)
                    {
                        render(writer, rows[row]);
                    }
                });
            }
            catch (AggregateException e) when (e.InnerExceptions.Count > 0)
            {
                // As the loop would have failed: the first row's own exception, not a wrapper.
                ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            }

            for (var i = 0; i < count; i++)
            {
                output.Write(window[i]);
            }
        }
    }
}
