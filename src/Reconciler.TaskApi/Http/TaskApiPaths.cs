using System.Globalization;
using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;

namespace Reconciler.TaskApi.Http;

/// <summary>Request paths relative to the base URL; ids are escaped, so an odd id cannot change the route.</summary>
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

    private static string User(TaskIdentity task) => $"agent-api/new/user/{Escape(task.UserId)}";

    private static string SubUserQuery(string? subUserId) =>
        string.IsNullOrEmpty(subUserId) ? "" : $"?sub_user_id={Escape(subUserId)}";

    private static string Escape(string value) => Uri.EscapeDataString(value);
}
