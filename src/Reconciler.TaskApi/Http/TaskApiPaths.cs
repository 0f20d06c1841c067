using System.Globalization;
using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;

namespace Reconciler.TaskApi.Http;

/// <summary>Request paths relative to the base URL; ids are escaped, so an odd id cannot change the route (a dot segment, which escaping cannot keep, is refused by <see cref="Unaddressable"/>).</summary>
internal static class TaskApiPaths
{
    public static string Update(TaskIdentity task) => $"{User(task)}/task/{Escape(task.TaskId)}";

    public static string Stop(TaskIdentity task, string? subUserId) => $"{User(task)}/task_stop/{Escape(task.TaskId)}{SubUserQuery(subUserId)}";

    public static string Detail(TaskIdentity task, string? subUserId) => $"{User(task)}/task/{Escape(task.TaskId)}/edit{SubUserQuery(subUserId)}";

    /// <summary>
    /// The account's list (<c>…/task</c>; with <c>sub_user_id</c> for a sub-account: the 2.0 list page does not name that
    /// parameter, the older list page and the 2.0 detail do, so sending it is our choice) or all sub-accounts' (<c>…/subset_task</c>).
    /// </summary>
    public static string List(TaskListQuery query, int page, int perPage) =>
        query.Scope == TaskListScope.AllSubAccounts
            ? string.Create(CultureInfo.InvariantCulture, $"agent-api/new/user/{Escape(query.UserId)}/subset_task?page={page}&per_page={perPage}")
            : string.Create(CultureInfo.InvariantCulture, $"agent-api/new/user/{Escape(query.UserId)}/task?page={page}&per_page={perPage}")
                + (string.IsNullOrEmpty(query.SubUserId) ? "" : $"&sub_user_id={Escape(query.SubUserId)}");

    /// <summary>
    /// Why a request about this task cannot be addressed, or null. An id of <c>.</c> or <c>..</c> is a dot segment: URI
    /// resolution removes it (escaped as <c>%2E</c> too), so the request would reach another resource — a task list
    /// may name such an id, a manifest cannot (task.schema.json's pathSegment).
    /// </summary>
    public static string? Unaddressable(TaskIdentity task) =>
        IsDotSegment(task.UserId) || IsDotSegment(task.TaskId)
            ? "the id is '.' or '..', which a URL path cannot carry (it would address another resource): nothing was requested"
            : null;

    private static bool IsDotSegment(string value) => value is "." or "..";

    private static string User(TaskIdentity task) => $"agent-api/new/user/{Escape(task.UserId)}";

    private static string SubUserQuery(string? subUserId) =>
        string.IsNullOrEmpty(subUserId) ? "" : $"?sub_user_id={Escape(subUserId)}";

    private static string Escape(string value) => Uri.EscapeDataString(value);
}
