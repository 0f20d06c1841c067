using Reconciler.Core.Sources;

namespace Reconciler.Core.Guardrails;

/// <summary>
/// Which tasks a rule or an owner entry covers. Every key that is given must match (labels: every label equal; the
/// lists: any entry). An empty selector covers every task.
/// </summary>
/// <param name="Paths">Globs over the manifest file's path (the same syntax as <c>--glob</c>).</param>
/// <param name="TaskSets">TaskSet names (<c>metadata.name</c> of a <c>kind: TaskSet</c>).</param>
public sealed record PolicySelector(
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<string> UserIds,
    IReadOnlyList<string> SubUserIds,
    IReadOnlyList<string> Paths,
    IReadOnlyList<string> TaskSets)
{
    private readonly ManifestGlob? _paths = Paths.Count == 0 ? null : new ManifestGlob(Paths, []);

    public static PolicySelector All { get; } = new(new Dictionary<string, string>(), [], [], [], []);

    public bool Matches(PolicySubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return Labels.All(l => subject.Labels.TryGetValue(l.Key, out var value) && value == l.Value)
            && AnyOrEmpty(UserIds, subject.UserId)
            && AnyOrEmpty(SubUserIds, subject.SubUserId)
            && AnyOrEmpty(TaskSets, subject.SetName)
            && (_paths is null || _paths.IsMatch(subject.File));
    }

    private static bool AnyOrEmpty(IReadOnlyList<string> wanted, string? actual) =>
        wanted.Count == 0 || (actual is not null && wanted.Contains(actual, StringComparer.Ordinal));
}
