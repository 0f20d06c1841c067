namespace Reconciler.Core.Planning;

/// <summary>
/// One changed value between the last-applied and the desired body.
/// <paramref name="Path"/> is a JSON Pointer into the body (e.g. <c>/task_extras/line/0/limit</c>);
/// <paramref name="Before"/> and <paramref name="After"/> are compact JSON text, null when absent.
/// </summary>
public sealed record FieldChange(string Path, string? Before, string? After)
{
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
