namespace Reconciler.Core.Refresh;

/// <summary>
/// Where a PUT body field is found in the task detail answer, and why we may compare it. The detail's shape is
/// not in the API document (it comes from the vendor's public documentation, see DESIGN.md): only fields the
/// detail carries under the same name and place as in the PUT body, and the documented 2.0 run settings under
/// <c>new_task_extra</c>, are compared. Everything else the manifest sets is listed as "not compared".
/// </summary>
public static class LiveFieldMapping
{
    /// <summary>Body field (under <c>task_extras</c>) → detail path, from the documented <c>new_task_extra</c> fields; preferred when present.</summary>
    public static readonly IReadOnlyDictionary<string, string> RunSettings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["start_time"] = "new_task_extra.start_time",
        ["stop_time"] = "new_task_extra.stop_time",
        ["line"] = "new_task_extra.line",
        ["holiday"] = "new_task_extra.holiday",
        ["work_week"] = "new_task_extra.work_week",
        ["work_hour"] = "new_task_extra.work_hour",
    };

    /// <summary>Body fields never compared: <c>sub_user_id</c> says which account is addressed (the detail is read for it), not a task setting.</summary>
    public static readonly IReadOnlySet<string> NeverCompared = new HashSet<string>(StringComparer.Ordinal) { "sub_user_id" };

    /// <summary>The mapping as documentation rows: body field, detail field, basis.</summary>
    public static IEnumerable<(string Body, string Detail, string Basis)> Table()
    {
        foreach (var top in new[] { "name", "maximumcall", "destination_extension", "dial_time_id", "end_action" })
        {
            yield return (top, top, "named in the detail (DESIGN.md: neighbouring endpoints)");
        }

        foreach (var (body, detail) in RunSettings)
        {
            yield return ($"task_extras.{body}", $"{detail} (else task_extras.{body})", "documented 2.0 run setting");
        }

        yield return ("any other field", "the same name and place, when the detail carries it; else not compared", "same name and place");
        yield return ("sub_user_id", "not compared", "selects the account, not a setting");
    }
}
