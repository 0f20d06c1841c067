namespace Reconciler.Core.Planning;

/// <summary>Which task list to read, and how far.</summary>
/// <param name="UserId">The main account (path parameter).</param>
/// <param name="SubUserId">With <see cref="TaskListScope.Account"/>: list this sub-account's tasks instead of the main account's.</param>
/// <param name="Scope">The account's own list, or the list of all its sub-accounts' tasks.</param>
/// <param name="MaxPages">
/// Our bound on pages read (a guard against a list that never ends): when it is reached before the platform says the
/// list is done, the read is <see cref="TaskListRead.Truncated"/>.
/// </param>
public sealed record TaskListQuery(string UserId, string? SubUserId = null, TaskListScope Scope = TaskListScope.Account, int MaxPages = TaskListQuery.DefaultMaxPages)
{
    /// <summary>1,000 pages of 100: 100,000 tasks (our choice; <c>import --list-page-limit</c> changes it).</summary>
    public const int DefaultMaxPages = 1000;

    /// <summary>Tasks asked for per page (<c>per_page</c>; the vendor documents no maximum, 100 is our choice).</summary>
    public const int PageSize = 100;
}
