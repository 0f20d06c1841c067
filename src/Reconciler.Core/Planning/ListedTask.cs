namespace Reconciler.Core.Planning;

/// <summary>One task of a task list answer.</summary>
/// <param name="TaskId">The task's id (the list item's <c>uuid</c>), exactly as the platform sent it.</param>
/// <param name="OwnerUserId">The item's <c>user_id</c> when it has one: in the list of all sub-accounts' tasks, the sub-account it belongs to.</param>
public sealed record ListedTask(string TaskId, string? OwnerUserId);
