using Reconciler.Core.Manifests;

namespace Reconciler.TaskApi.Http;

/// <summary>Request paths relative to the base URL; ids are escaped, so an odd id cannot change the route.</summary>
internal static class TaskApiPaths
{
    public static string Update(TaskIdentity task) => $"{User(task)}/task/{Escape(task.TaskId)}";

    public static string Stop(TaskIdentity task, string? subUserId) => $"{User(task)}/task_stop/{Escape(task.TaskId)}{SubUserQuery(subUserId)}";

    public static string Detail(TaskIdentity task, string? subUserId) => $"{User(task)}/task/{Escape(task.TaskId)}/edit{SubUserQuery(subUserId)}";

    public static string List(string userId, string? subUserId, int page, int perPage) =>
        $"agent-api/new/user/{Escape(userId)}/task?page={page}&per_page={perPage}" + (string.IsNullOrEmpty(subUserId) ? "" : $"&sub_user_id={Escape(subUserId)}");

    private static string User(TaskIdentity task) => $"agent-api/new/user/{Escape(task.UserId)}";

    private static string SubUserQuery(string? subUserId) =>
        string.IsNullOrEmpty(subUserId) ? "" : $"?sub_user_id={Escape(subUserId)}";

    private static string Escape(string value) => Uri.EscapeDataString(value);
}
