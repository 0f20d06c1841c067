namespace Reconciler.Core.Planning;

/// <summary>Which of the platform's task lists (vendor pages 2.0 任务列表 and 2.0任务列表(所有子账号), docs/api/task-list-and-detail.md).</summary>
public enum TaskListScope
{
    /// <summary><c>GET /agent-api/new/user/{user_id}/task</c>: the account's tasks (a sub-account's with <c>sub_user_id</c>).</summary>
    Account,

    /// <summary><c>GET /agent-api/new/user/{user_id}/subset_task</c>: the tasks of all the account's sub-accounts.</summary>
    AllSubAccounts,
}
