using Reconciler.Core.Reconciling;
using Reconciler.Core.Tasks;
using Reconciler.Service.Status;

namespace Reconciler.Service.Http;

/// <summary>
/// The status page's Chinese words for the one vocabulary: a label, a tone, a reason and a filter chip per task state,
/// a label per trigger and per run outcome, sent to the page in its configuration so the script never spells a state
/// (a state added to <see cref="TaskState"/> without words here fails the build's tests, not the page).
/// </summary>
public static class StatusPageWords
{
    /// <summary>The filter chips, in order: a state's <c>filter</c> names its chip; in doubt, drifted and left stopped are flags.</summary>
    private static readonly string[][] Filters =
    [
        ["problems", "需处理"], ["blocked", "阻塞"], ["failed", "失败/拒绝"], ["invalid", "清单无效"], ["in_doubt", "结果未知"],
        ["drifted", "已漂移"], ["left_stopped", "已停止待启动"], ["held_back", "等待重试"], ["pending_window", "等待同步窗口"], ["all", "全部"],
    ];

    /// <summary>What the page's script reads from its configuration.</summary>
    public static object Vocabulary() => new
    {
        states = TaskStateWords.All.ToDictionary(s => s.ToWord(), s =>
        {
            var (label, tone, reason, filter) = Row(s);
            return new { label, tone, reason, filter, attention = s.NeedsAttention(), counts_failures = s == TaskState.HeldBack };
        }),
        triggers = Enum.GetValues<RunTrigger>().ToDictionary(t => t.ToWord(), Trigger),
        outcomes = RunOutcomes.Words.Select(w => new[] { w, Short(RunOutcomes.StateOf(w)) }).ToList(),
        roles = Enum.GetValues<ReplicaRole>().ToDictionary(r => r.ToWord(), r => r == ReplicaRole.Leader ? "主副本(负责应用)" : "从副本(只读,展示共享状态)"),
        filters = Filters,
    };

    private static (string Label, string Tone, string Reason, string Filter) Row(TaskState state) => state switch
    {
        TaskState.Blocked => ("阻塞(任务运行中)", "bad", "任务正在运行,平台不允许修改(6007);将自动重试", "blocked"),
        TaskState.Failed => ("失败", "bad", "临时故障,重试后仍失败;将自动重试", "failed"),
        TaskState.Rejected => ("被平台拒绝", "bad", "平台拒绝了此次修改;修改清单后才会重试", "failed"),
        TaskState.Unauthorized => ("未授权", "bad", "令牌无效或缺失", "failed"),
        TaskState.Invalid => ("清单无效", "bad", "", "invalid"),
        TaskState.Drifted => ("已漂移", "warn", "平台上的任务与清单不一致", "drifted"),
        TaskState.Fighting => ("反复漂移", "warn", "漂移后一小时内多次重新应用,仍被人修改;已暂停自动修复(请修正清单或平台)", "drifted"),
        TaskState.HeldBack => ("等待重试", "warn", "按退避等待下次重试", "held_back"),
        TaskState.Cancelled => ("已取消", "warn", "服务停止,未发送", ""),
        TaskState.Pending => ("待处理", "warn", "本次运行在处理它之前停止", ""),
        TaskState.PendingWindow => ("等待同步窗口", "info", "同步窗口未开启,窗口开启后应用", "pending_window"),
        TaskState.Applied => ("已应用", "ok", "本次运行已应用", ""),
        TaskState.InSync => ("已同步", "ok", "", ""),
        TaskState.Unmanaged => ("不再管理", "muted", "清单已删除,不再管理(平台任务不受影响)", ""),
        TaskState.Suspended => ("已挂起", "muted", "metadata.suspend: true,不会发送", ""),
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "a task state without words on the status page"),
    };

    private static string Short(TaskState state) => state switch
    {
        TaskState.Applied => "应用",
        TaskState.Blocked => "阻塞",
        TaskState.Rejected => "拒绝",
        TaskState.Failed => "失败",
        TaskState.Unauthorized => "未授权",
        TaskState.Cancelled => "取消",
        TaskState.InSync => "未变",
        TaskState.Invalid => "无效",
        TaskState.HeldBack => "等待重试",
        TaskState.PendingWindow => "等待窗口",
        _ => Row(state).Label,
    };

    private static string Trigger(RunTrigger trigger) => trigger switch
    {
        RunTrigger.Poll => "轮询",
        RunTrigger.Webhook => "网络钩子",
        RunTrigger.Sync => "手动同步",
        RunTrigger.Takeover => "接任主副本",
        RunTrigger.Resync => "定时重同步",
        RunTrigger.Retry => "重试",
        RunTrigger.Window => "同步窗口",
        RunTrigger.Cli => "命令行",
        _ => trigger.ToWord(),
    };
}
