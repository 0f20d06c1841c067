using Reconciler.Core.Sources;

namespace Reconciler.Core.TaskSets;

/// <summary>A file an evaluation read besides the manifest itself (a set's CSV), and its content id when known.</summary>
public sealed record DataDependency(string Path, string? ContentId)
{
    /// <summary>A dependency that can never be shown unchanged: the evaluation holding it is never reused.</summary>
    public static readonly DataDependency Unknown = new("", null);

    /// <summary>Whether every file read before still has the content id it had (false when one has none: it cannot be told).</summary>
    public static bool AllUnchanged(IReadOnlyList<DataDependency> dependencies, DataFiles now) =>
        dependencies.All(d => d.ContentId is { } id && now.Find(d.Path)?.ContentId == id);
}
