using System.Text.RegularExpressions;
using Reconciler.Core.Applying;
using Reconciler.Core.State;
using Reconciler.Git;

namespace Reconciler.Service.Http;

/// <summary>
/// The status page's Chinese for the messages the tool writes itself (apply's sentences in <see cref="ApplyMessages"/>,
/// the task API client's failure descriptions, the drift policy's and the loop's), so the Chinese page is in one language.
/// The platform's own messages are shown exactly as the platform sent them: a rule matches only our own wording, and
/// whatever it does not match (the platform's text inside a message, a git or database error) is left as it is.
/// </summary>
/// <remarks>
/// Each rule is a regular expression in the syntax JavaScript and .NET share, applied in order to the whole message
/// (every match replaced), with <c>$1</c>… in the replacement. The page receives the rules in its configuration and
/// applies them in the browser; <see cref="Translate"/> applies them the same way for tests.
/// </remarks>
public static class StatusPageMessages
{
    /// <summary>[pattern, replacement] pairs, in the order they apply.</summary>
    public static IReadOnlyList<string[]> Rules { get; } = Build();

    /// <summary>A message as the page shows it.</summary>
    public static string Translate(string message) =>
        Rules.Aggregate(message, (text, rule) => Regex.Replace(text, rule[0], rule[1], RegexOptions.ECMAScript | RegexOptions.CultureInvariant));

    private static List<string[]> Build()
    {
        List<string[]> rules =
        [
            // Apply's own sentences (Core/Applying/ApplyMessages.cs), matched exactly.
            ["^" + Exact(ApplyMessages.NotSent), "未发送:"],
            [Exact(ApplyMessages.ReadAsRunning), "任务详情显示任务正在运行"],
            ["the task detail reads ", "任务详情显示 "],
            [Exact(ApplyMessages.StopAdvice), ";请先停止任务,或设置 metadata.stop_before_update: true"],
            [Exact("; " + ApplyMessages.InDoubtNote), ";平台可能已应用,也可能未应用:结果未知,下次运行会重新发送"],
            [Exact(ApplyMessages.RequestAbandoned), "请求已放弃:取消后的宽限期已用完"],
            [Exact(ApplyMessages.StopAbandoned), "停止请求在取消后已放弃"],
            [Exact(ApplyMessages.StoppedBeforeUpdate), "更新前已停止任务(保持停止,需要人工启动)"],
            ["^" + Exact(ApplyMessages.CouldNotStop), "无法停止任务:"],
            [Exact(ApplyMessages.NotStartedCancelled), "未开始:应用已取消"],
            ["^" + Exact(ApplyMessages.NotStartedStateFailed), "未开始:状态存储无法写入("],
            [Exact(ApplyMessages.NotStartedStateFailedEnd), ");无法记录的请求一律不发送"],
            [Exact(ApplyMessages.NotRecordedEnd), ");结果未知"],
        ];
        rules.AddRange(Enum.GetValues<ApplyOutcome>().Select(outcome => new[] { "^" + Exact(outcome.ToWord() + ApplyMessages.NotRecorded), $"{Outcome(outcome)},但未能记录:状态存储无法写入(" }));
        rules.AddRange(
        [
            // The task API client's descriptions of a failed call (Reconciler.TaskApi); the platform's message after them stays.
            [@"^HTTP (\d{3})([^:;]*?) after (\d+) attempts?", "HTTP $1$2,尝试 $3 次后仍失败"],
            [@" \(the server asked to wait (\d+) s\)", "(服务器要求等待 $1 秒)"],
            [@"^the API refused the token from (\S+) for account (\S+) ", "平台拒绝了来自 $1 的令牌(账号 $2)"],
            [@"^the API refused the token for account (\S+) ", "平台拒绝了令牌(账号 $1)"],
            [@"^task is running \(6007\)$", "任务正在运行(6007)"],
            [@"^refused with code (-?\d+)$", "被拒绝,代码 $1"],
            [@"^connection failed: ", "连接失败:"],
            [@"^connection failed \((\w+)\)", "连接失败($1)"],
            [@"^no complete answer within ([\d.]+) s", "$1 秒内没有完整答复"],
            [@"^no answer within ([\d.]+) s", "$1 秒内没有答复"],
            [@"^attempt timed out", "单次请求超时"],
            [@" \((\d+) attempts?\)$", "(尝试 $1 次)"],
            [@"^unexpected answer \(", "意外的答复("],
            [@", not the API's JSON\)", ",不是平台的 JSON)"],
            [@", no code\)", ",没有 code 字段)"],
            [@"an HTML page \(not the API's JSON\)", "一个 HTML 页面(不是平台的 JSON)"],
            [@"an HTML page titled ", "一个 HTML 页面,标题为 "],

            // A pull request's plan summary (Core/Planning/PlanSummary.cs), with and without suspended tasks.
            [@"^Plan: (\d+) to update, (\d+) to adopt, (\d+) to unmanage, (\d+) invalid, (\d+) unchanged, (\d+) suspended\.$", "计划:更新 $1,纳入管理 $2,不再管理 $3,清单无效 $4,未变更 $5,已挂起 $6"],
            [@"^Plan: (\d+) to update, (\d+) to adopt, (\d+) to unmanage, (\d+) invalid, (\d+) unchanged\.$", "计划:更新 $1,纳入管理 $2,不再管理 $3,清单无效 $4,未变更 $5"],

            // The drift policy (Core/Policies/DriftPolicy.cs) and the service's loop.
            [@"^re-applied (\d+) times in the last hour after drift: someone keeps changing it on the platform; held back \(fix the manifest or the platform\)$", "漂移后一小时内已重新应用 $1 次:有人在平台上反复修改;已暂停自动修复(请修正清单或平台)"],
        ]);

        // The loop's fetch failure (Loop/ReconcileRunner.cs): "fetch failed (Unreachable): " and git's own words after it.
        rules.AddRange(Enum.GetValues<GitSourceErrorKind>().Select(kind => new[] { $@"^fetch failed \({kind}\): ", $"获取仓库失败({FetchFailure(kind)}):" }));
        return rules;
    }

    // Regex.Escape's escapes ("\ ", "\#", "\(") mean the same to JavaScript without the u flag.
    private static string Exact(string text) => Regex.Escape(text);

    private static string FetchFailure(GitSourceErrorKind kind) => kind switch
    {
        GitSourceErrorKind.Unreachable => "无法连接仓库",
        GitSourceErrorKind.AuthenticationFailed => "认证失败",
        GitSourceErrorKind.RefNotFound => "分支或引用不存在",
        GitSourceErrorKind.CommitNotFound => "提交不在本地缓存中",
        GitSourceErrorKind.CorruptCache => "本地缓存损坏",
        GitSourceErrorKind.NotARepository => "不是 git 仓库",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "a fetch failure without words on the status page"),
    };

    private static string Outcome(ApplyOutcome outcome) => outcome switch
    {
        ApplyOutcome.Applied => "已应用",
        ApplyOutcome.Blocked => "阻塞",
        ApplyOutcome.Rejected => "被拒绝",
        ApplyOutcome.Failed => "失败",
        ApplyOutcome.Unauthorized => "未授权",
        ApplyOutcome.Cancelled => "已取消",
        ApplyOutcome.Stopped => "已停止",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "an apply outcome without words on the status page"),
    };
}
