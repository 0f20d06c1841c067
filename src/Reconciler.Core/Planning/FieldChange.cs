namespace Reconciler.Core.Planning;

/// <summary>
/// One changed value between the last-applied and the desired body.
/// <paramref name="Path"/> is a JSON Pointer into the body (e.g. <c>/task_extras/line/0/limit</c>);
/// <paramref name="Before"/> and <paramref name="After"/> are compact JSON text, null when absent.
/// </summary>
public sealed record FieldChange(string Path, string? Before, string? After)
{
    /// <summary>
    /// For an array whose length changed (shown whole in <see cref="Before"/> and <see cref="After"/>): the same
    /// change element by element: elements kept in order are matched, the others are added, removed or (paired
    /// up) modified field by field. Paths of removed elements index the old array, the others the new one.
    /// </summary>
    public IReadOnlyList<FieldChange> Elements { get; init; } = [];

    public FieldChangeKind Kind => (Before, After) switch
    {
        (null, _) => FieldChangeKind.Added,
        (_, null) => FieldChangeKind.Removed,
        _ => FieldChangeKind.Modified,
    };
}

public enum FieldChangeKind
{
    Added,
    Removed,
    Modified,
}
