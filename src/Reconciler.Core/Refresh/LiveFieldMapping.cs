namespace Reconciler.Core.Refresh;

/// <summary>
/// Where a PUT body field is found in the task detail answer, and why we may compare it. The detail's shape is
/// not in the API document (it comes from the vendor's public documentation, docs/api/task-list-and-detail.md): fields
/// the detail carries under the same name and place as in the PUT body are compared (the detail's <c>task_extras</c> is
/// the body's, 本地任务-使用); when its <c>task_extras</c> lacks one of the run settings below, the remote task's value
/// (<c>new_task_extra</c>) is compared instead. Everything else the manifest sets is listed as "not compared".
/// </summary>
internal static class LiveFieldMapping
{
    /// <summary>
    /// Body field (under <c>task_extras</c>) → where the remote task carries it, used only when the detail's
    /// <c>task_extras</c> does not: fields the vendor's detail example shows with the same shape in both places.
    /// Not <c>work_hour</c> (the remote task's has another shape, <c>wday: "-1"</c>) nor <c>work_week</c> (unknown).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> RunSettings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["start_time"] = "new_task_extra.start_time",
        ["stop_time"] = "new_task_extra.stop_time",
        ["line"] = "new_task_extra.line",
        ["holiday"] = "new_task_extra.holiday",
    };

    /// <summary>Body fields never compared: <c>sub_user_id</c> says which account is addressed (the detail is read for it), not a task setting.</summary>
    public static readonly IReadOnlySet<string> NeverCompared = new HashSet<string>(StringComparer.Ordinal) { "sub_user_id" };

    /// <summary>The mapping as documentation rows: body field, detail field, basis.</summary>
    public static IEnumerable<(string Body, string Detail, string Basis)> Table()
    {
        foreach (var top in new[] { "name", "maximumcall", "destination_extension", "dial_time_id", "end_action" })
        {
            yield return (top, top, "named in the detail (docs/api/neighbouring-endpoints.md)");
        }

        foreach (var (body, detail) in RunSettings)
        {
            yield return ($"task_extras.{body}", $"task_extras.{body} (else {detail})", "the body's place; the remote task's when missing");
        }

        yield return ("any other field", "the same name and place, when the detail carries it; else not compared", "same name and place");
        yield return ("sub_user_id", "not compared", "selects the account, not a setting");
    }
}
