using Reconciler.Core.Diagnostics;

namespace Reconciler.Core.Validation;

/// <summary>
/// The desired state after some files changed, made from the previous one instead of built again over every file: the
/// removed files' tasks and invalid documents taken out, the added files' merged in by location. Exact only when the
/// cross-file rules have nothing to say before and after (no identity claimed twice, no TaskSet among the changed files,
/// no TaskSet name clash, the same source problems): <see cref="ManifestPipeline"/> checks that and builds the whole
/// state otherwise. The result equals <see cref="DesiredState.Build"/>'s, entry for entry and in the same order.
/// </summary>
internal static class DesiredStatePatch
{
    /// <param name="previous">The state of the previous evaluations (built or patched under the same conditions).</param>
    /// <param name="removed">Evaluations of the previous call that are gone (files deleted or changed).</param>
    /// <param name="added">Evaluations that are new (files added or changed), in file order.</param>
    /// <param name="evaluations">Every evaluation now.</param>
    /// <param name="problems">The source problems (the same as the previous state's).</param>
    public static DesiredState Apply(DesiredState previous, IReadOnlyList<FileEvaluation> removed, IReadOnlyList<FileEvaluation> added, IReadOnlyList<FileEvaluation> evaluations, IReadOnlyList<Diagnostic> problems, string? revision)
    {
        var tasks = Merge(previous.Tasks, removed.SelectMany(e => e.Tasks), added.SelectMany(e => e.Tasks), t => t.Location);
        var invalid = Merge(previous.Invalid, removed.SelectMany(e => e.Invalid), added.SelectMany(e => e.Invalid), i => i.Location);

        // A scan of a count per file, not a rebuild: which files hold an invalid document, and the files the source could not read.
        var unreadable = evaluations.Where(e => e.Invalid.Count > 0).Select(e => e.File)
            .Concat(problems.Select(DesiredState.UnreadableFileOf).OfType<string>())
            .ToHashSet(StringComparer.Ordinal);
        return new DesiredState(tasks, invalid, unreadable, revision) { UnreadableDirectories = previous.UnreadableDirectories };
    }

    /// <summary>
    /// <paramref name="sorted"/> without <paramref name="removed"/> (by reference), with <paramref name="added"/> merged in by
    /// location. An added entry goes before an existing one at the same place: that can only be a source problem on the
    /// same file, which the full build lists after the files' own entries (its sort is stable).
    /// </summary>
    private static List<T> Merge<T>(IReadOnlyList<T> sorted, IEnumerable<T> removed, IEnumerable<T> added, Func<T, SourceLocation> location)
        where T : class
    {
        var gone = removed.ToHashSet<object>(ReferenceEqualityComparer.Instance);
        var incoming = added.OrderBy(location).ToList();
        var merged = new List<T>(sorted.Count + incoming.Count);
        var next = 0;
        foreach (var item in sorted)
        {
            if (gone.Contains(item))
            {
                continue;
            }

            while (next < incoming.Count && location(incoming[next]).CompareTo(location(item)) <= 0)
            {
                merged.Add(incoming[next++]);
            }

            merged.Add(item);
        }

        merged.AddRange(incoming.Skip(next));
        return merged;
    }
}
