using Reconciler.Core.Reconciling;
using Reconciler.Core.Tasks;
using Reconciler.Service.Status;

namespace Reconciler.Service.Http;

/// <summary>
/// The status page's Chinese words for the one vocabulary: a label, a tone, a reason and a filter chip per task state,
/// a label per trigger and per run outcome, sent to the page in its configuration so the script never spells a state
/// (a state added to <see cref="TaskState"/> without words here fails the status page's tests, not the page).
/// </summary>
public static class StatusPageWords
{
    /// <summary>The chips a task carries beside its state (its flags in <c>/status</c>).</summary>
    private static readonly string[][] FlagChips = [["in_doubt", "结果未知"], ["left_stopped", "已停止待启动"]];

    /// <summary>What the page's script reads from its configuration.</summary>
    public static object Vocabulary() => new
    {
        states = TaskStateWords.All.ToDictionary(s => s.ToWord(), s =>
        {
            var (label, tone, reason, chip) = Row(s);
            return new
            {
                label,
                tone,
                reason,
                filter = chip?.ToWord() ?? "",
                attention = s.NeedsAttention(),
                rank = s.Rank(),
                drift = chip == TaskState.Drifted,
                counts_failures = s == TaskState.HeldBack,
            };
        }),
        triggers = Enum.GetValues<RunTrigger>().ToDictionary(t => t.ToWord(), Trigger),

        // [word, label, whether a run with such tasks is highlighted as partly not applied]
        outcomes = RunOutcomes.Words.Select(w => new object[] { w, Short(RunOutcomes.StateOf(w)), LeavesRunPartial(RunOutcomes.StateOf(w)) }).ToList(),
        runs = new { error = "失败", partial = "部分未应用", fine = "成功" },
        messages = StatusPageMessages.Rules,
        roles = Enum.GetValues<ReplicaRole>().ToDictionary(r => r.ToWord(), r => r == ReplicaRole.Leader ? "主副本(负责应用)" : "从副本(只读,展示共享状态)"),
        filters = Filters(),
    };

    /// <summary>
    /// The filter chips, in order: all problems, one chip per state that names a group (failed also holds rejected and
    /// unauthorized; drifted also holds fighting and the drifted flag), the flags, and everything.
    /// </summary>
    private static List<string[]> Filters()
    {
        string[] Chip(TaskState state) => [state.ToWord(), state == TaskState.Failed ? "失败/拒绝" : Row(state).Label];
        return
        [
            ["problems", "需处理"], Chip(TaskState.Blocked), Chip(TaskState.Failed), Chip(TaskState.Invalid), FlagChips[0],
            Chip(TaskState.Drifted), FlagChips[1], Chip(TaskState.HeldBack), Chip(TaskState.PendingWindow), ["all", "全部"],
        ];
    }

    /// <summary>A state's label, tone, reason, and the state whose chip lists it (null: only under problems and all).</summary>
    private static (string Label, string Tone, string Reason, TaskState? Chip) Row(TaskState state) => state switch
    {
        TaskState.Blocked => ("阻塞(任务运行中)", "bad", "任务正在运行,平台不允许修改(6007);将自动重试", TaskState.Blocked),
        TaskState.Failed => ("失败", "bad", "临时故障,重试后仍失败;将自动重试", TaskState.Failed),
        TaskState.Rejected => ("被平台拒绝", "bad", "平台拒绝了此次修改;修改清单后才会重试", TaskState.Failed),
        TaskState.Unauthorized => ("未授权", "bad", "令牌无效或缺失", TaskState.Failed),
        TaskState.Invalid => ("清单无效", "bad", "", TaskState.Invalid),
        TaskState.PolicyBlocked => ("策略阻止", "bad", "仓库策略(.reconciler/policy.yaml)阻止发送:超出变更上限或缺少负责人批准", TaskState.Invalid),
        TaskState.Drifted => ("已漂移", "warn", "平台上的任务与清单不一致", TaskState.Drifted),
        TaskState.Fighting => ("反复漂移", "warn", "漂移后一小时内多次重新应用,仍被人修改;已暂停自动修复(请修正清单或平台)", TaskState.Drifted),
        TaskState.HeldBack => ("等待重试", "warn", "按退避等待下次重试", TaskState.HeldBack),
        TaskState.InFlight => ("等待旧请求过期", "warn", "更早发出的另一版本请求仍可能被平台保存;到其截止时间后再发送", TaskState.HeldBack),
        TaskState.SlowAnswer => ("平台响应过慢", "warn", "读取任务详情超时;本轮跳过,稍后重试", TaskState.HeldBack),
        TaskState.Cancelled => ("已取消", "warn", "服务停止,未发送", null),
        TaskState.Pending => ("待处理", "warn", "本次运行在处理它之前停止", null),
        TaskState.PendingWindow => ("等待同步窗口", "info", "同步窗口未开启,窗口开启后应用", TaskState.PendingWindow),
        TaskState.Applied => ("已应用", "ok", "本次运行已应用", null),
        TaskState.InSync => ("已同步", "ok", "", null),
        TaskState.Unmanaged => ("不再管理", "muted", "清单已删除,不再管理(平台任务不受影响)", null),
        TaskState.Suspended => ("已挂起", "muted", "metadata.suspend: true,不会发送", null),
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "a task state without words on the status page"),
    };

    /// <summary>A run that left a task so was partly not applied: refused, failed, blocked, invalid or cancelled (not merely waiting).</summary>
    private static bool LeavesRunPartial(TaskState state) => Row(state).Tone == "bad" || state == TaskState.Cancelled;

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
        RunTrigger.Refresh => "分批读取线上任务",
        RunTrigger.Rollback => "回滚",
        RunTrigger.Cli => "命令行",
        _ => trigger.ToWord(),
    };
}
