using Reconciler.Core.Applying;
using Reconciler.Core.State;

namespace Reconciler.Core.Tests.Applying;

/// <summary>What the task API client returns for each kind of answer (see the TaskApi README's outcome table).</summary>
internal static class ApiAnswers
{
    public static readonly TaskApiResult Applied = new(ApplyOutcome.Applied, 200, "修改成功", 200);

    /// <summary>A successful task_stop: the client reports it as <see cref="ApplyOutcome.Stopped"/>.</summary>
    public static readonly TaskApiResult Stopped = new(ApplyOutcome.Stopped, 200, "操作成功", 200);

    public static readonly TaskApiResult Running = new(ApplyOutcome.Blocked, 6007, "2.0任务启动中,请先停止任务", 200);

    public static readonly TaskApiResult Rejected = new(ApplyOutcome.Rejected, 422, "task_extras.pop_mode 不能为空", 200);

    public static readonly TaskApiResult Failed = new(ApplyOutcome.Failed, null, "HTTP 503 Service Unavailable after 5 attempts", 503);

    public static readonly TaskApiResult Unauthorized = new(ApplyOutcome.Unauthorized, 401, "the API refused the token for account u (HTTP 401)", 401);

    public static TaskApiResult For(ApplyOutcome outcome) => outcome switch
    {
        ApplyOutcome.Applied => Applied,
        ApplyOutcome.Blocked => Running,
        ApplyOutcome.Rejected => Rejected,
        ApplyOutcome.Failed => Failed,
        ApplyOutcome.Unauthorized => Unauthorized,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };
}
