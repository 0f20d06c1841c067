using System.Globalization;
using System.Text;
using Reconciler.Core.Secrets;
using Reconciler.Core.Tasks;
using Reconciler.Core.Text;

namespace Reconciler.Service.Notifications;

/// <summary>
/// The words of a notification, in Chinese for the call-centre teams who read them. Everything from outside
/// (names, file names, the platform's message) is cut to a length, has its control characters escaped
/// (<see cref="ControlText"/>), has the robots' mention syntax broken (<see cref="Neutralise"/>: a task named
/// <c>&lt;at user_id="all"&gt;</c> must not call everyone), and passes the secret redactor; markdown text is also escaped so
/// that a task name cannot become a link or a heading.
/// </summary>
public static class NotificationText
{
    private const int MaxName = 120;
    private const int MaxMessage = 400;

    public static string Title(TaskEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return $"【任务对账】{Headline(e.Kind)}:{Clip(e.Task.Name ?? e.Task.TaskId, MaxName)}";
    }

    public static string Headline(TaskEventKind kind) => kind switch
    {
        TaskEventKind.Blocked => "任务被阻塞",
        TaskEventKind.Failed => "任务更新失败",
        TaskEventKind.InDoubt => "任务结果未知",
        TaskEventKind.LeftStopped => "任务已停止,需要人工启动",
        TaskEventKind.Unverified => "任务回读不一致",
        TaskEventKind.RolloutHalted => "分批发布已暂停",
        TaskEventKind.PolicyBlocked => "任务被仓库策略阻止",
        _ => "任务已恢复",
    };

    /// <summary>The lines after the title, as (label, value) pairs: the same facts in every format.</summary>
    public static IReadOnlyList<(string Label, string Value)> Facts(TaskEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var task = e.Task;
        var facts = new List<(string, string)>();
        if (e.Kind != TaskEventKind.RolloutHalted)
        {
            facts.Add(("任务", $"{Clip(task.Name, MaxName)}({Clip(task.UserId, 80)} / {Clip(task.TaskId, 80)})"));
        }

        facts.Add(("情况", Explain(e)));
        if (task.Message is { Length: > 0 } message)
        {
            // A halted rollout's message is ours (the numbers that tripped it), not the platform's.
            facts.Add((e.Kind == TaskEventKind.RolloutHalted ? "暂停原因" : "平台消息", (task.ApiCode is { } code ? $"[{code}] " : "") + Clip(message, MaxMessage)));
        }

        if (task.File is { } file)
        {
            facts.Add(("文件", Clip(file, 200)));
        }

        facts.Add(("版本", e.Revision is null ? "—" : e.Revision[..Math.Min(12, e.Revision.Length)]));
        facts.Add(("仓库", Clip(e.Repository, 200)));
        facts.Add(("时间", e.At.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)));
        return facts;
    }

    /// <summary>Plain text: the title, then one "label:value" line per fact.</summary>
    public static string Plain(TaskEvent e, SecretRedactor secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        var text = new StringBuilder(Title(e));
        foreach (var (label, value) in Facts(e))
        {
            text.Append('\n').Append(label).Append(':').Append(value);
        }

        return secrets.Redact(text.ToString());
    }

    /// <summary>Markdown (DingTalk): a heading and a list, every value escaped.</summary>
    public static string Markdown(TaskEvent e, SecretRedactor secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        var text = new StringBuilder("#### ").Append(EscapeMarkdown(Title(e))).Append("\n\n");
        foreach (var (label, value) in Facts(e))
        {
            text.Append("- **").Append(label).Append("**:").Append(EscapeMarkdown(value)).Append('\n');
        }

        return secrets.Redact(text.ToString());
    }

    private static string Explain(TaskEvent e) => e.Kind switch
    {
        TaskEventKind.Blocked => "任务正在运行,平台不允许修改(6007);服务会按退避自动重试",
        TaskEventKind.Failed => e.Task.State switch
        {
            TaskState.Rejected => "平台拒绝了这次修改;修改清单后才会重试",
            TaskState.Unauthorized => "平台拒绝了令牌;请检查该账号的令牌",
            _ => "临时故障,重试后仍失败;服务会按退避自动重试",
        },
        TaskEventKind.InDoubt => "上次请求没有得到明确答复,平台可能已经应用,也可能没有;下次运行会重新发送",
        TaskEventKind.LeftStopped => "为了更新,服务按 stop_before_update 停止了正在运行的任务;平台没有恢复接口,任务保持停止,需要人工启动",
        TaskEventKind.RolloutHalted => "一批任务中被拒绝或失败的比例超过了阈值,其余任务没有发送(仍为计划中);新的版本或 reconciler sync --resume 之后才继续",
        TaskEventKind.PolicyBlocked => "仓库策略(.reconciler/policy.yaml)阻止发送:缺少负责人在合并的拉取请求上的批准,或超出变更上限;其他任务照常应用",
        TaskEventKind.Unverified => $"平台答复成功,但回读时这些字段与发送的不同:{Clip(string.Join(", ", e.Task.UnverifiedFields ?? []), MaxName)};下次刷新会报告为漂移",
        _ => $"已恢复(之前:{(e.Previous is { } previous ? Headline(previous) : "—")}),现在{(e.Task.State == TaskState.Applied ? "已应用" : "已同步")}",
    };

    private static string Clip(string? text, int max)
    {
        var escaped = ControlText.Escape(text ?? "");
        return Neutralise(escaped.Length <= max ? escaped : escaped[..max] + "…");
    }

    /// <summary>
    /// Mention syntax of the robots, broken with an invisible U+200B so a value reads the same but mentions nobody:
    /// Feishu's <c>&lt;at user_id="all"&gt;</c> (everyone), WeCom's <c>&lt;@userid&gt;</c>, and <c>@name</c> / <c>@13800000000</c>
    /// (DingTalk mentions a number or name written in the text when the request lists it; we never list any).
    /// </summary>
    internal static string Neutralise(string text)
    {
        if (text.AsSpan().IndexOfAny('<', '@') < 0)
        {
            return text;
        }

        var output = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            output.Append(text[i]);
            if (text[i] == '<' || (text[i] == '@' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1])))
            {
                output.Append('\u200B');
            }
        }

        return output.ToString();
    }

    private static string EscapeMarkdown(string text)
    {
        var output = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '(' or ')' or '#' or '>' or '!' or '|' or '~' or '<' or '&')
            {
                output.Append(c switch { '<' => "&lt;", '&' => "&amp;", _ => "\\" + c });
            }
            else
            {
                output.Append(c);
            }
        }

        return output.ToString();
    }
}
