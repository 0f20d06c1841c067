using Reconciler.Core.Applying;
using Reconciler.Core.Planning;

namespace Reconciler.TaskApi.Http;

/// <summary>One page of a task list: its tasks and <c>meta</c>, or why the answer was not a task list.</summary>
internal sealed record TaskListPage(IReadOnlyList<ListedTask> Tasks, TaskListMeta? Meta, string? Problem)
{
    public static TaskListPage Refused(string problem) => new([], null, problem);

    /// <summary>Set when the page was refused because of the platform or the account (unreachable, token refused).</summary>
    public PlatformFailure? Platform { get; init; }
}
