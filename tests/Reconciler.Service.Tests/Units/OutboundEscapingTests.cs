using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Reconciler.Core.Planning;
using Reconciler.Core.Secrets;
using Reconciler.Core.Tasks;
using Reconciler.Service.Notifications;
using Reconciler.Service.Status;
using Reconciler.Testing.Logging;

namespace Reconciler.Service.Tests.Units;

/// <summary>
/// Issue 20: a task named <c>&lt;at user_id="all"&gt;所有人&lt;/at&gt;</c> reached Feishu raw (a mention of everyone), the
/// platform's message was sent raw, and log lines carried ESC and U+202E from outside. Every receiver now gets outside
/// text escaped for what it interprets.
/// </summary>
public sealed class OutboundEscapingTests
{
    private const string MentionAll = "<at user_id=\"all\">所有人</at>";
    private const string PlatformMessage = "拒绝 \u001b[2J\u202E @13800000000 <@wangwu>";

    private static readonly DateTimeOffset Now = new(2026, 12, 6, 8, 0, 0, TimeSpan.Zero);

    private static TaskEvent Event() => new(
        TaskEventKind.Failed,
        null,
        new TaskStanding("u1", "t1", MentionAll, "tasks/a.yaml", PlanAction.Update, TaskState.Rejected, 422, PlatformMessage, 1, Now, null, []),
        "ops/tasks",
        "4f2c9e1a7b3d",
        Now);

    [Theory]
    [InlineData("feishu+http://127.0.0.1:1/hook")]
    [InlineData("wecom+http://127.0.0.1:1/hook")]
    [InlineData("dingtalk+http://127.0.0.1:1/hook")]
    [InlineData("json+http://127.0.0.1:1/hook")]
    public void Payload_MentionSyntaxAndControlsFromOutside_AreNeutralised(string url)
    {
        Assert.True(NotifyTarget.TryParse(url, out var target, out _));

        var (_, body) = NotificationPayload.Build(target, Event(), new SecretRedactor([]), Now);

        using var json = JsonDocument.Parse(body);
        var text = Texts(json.RootElement).ToList();
        Assert.NotEmpty(text);
        Assert.All(text, t => Assert.DoesNotContain("<at", t, StringComparison.Ordinal));
        Assert.All(text, t => Assert.DoesNotContain("<@", t, StringComparison.Ordinal));
        Assert.All(text, t => Assert.DoesNotContain("@138", t, StringComparison.Ordinal));
        Assert.All(text, t => Assert.DoesNotContain('\u001b', t));
        Assert.All(text, t => Assert.DoesNotContain('\u202E', t));
        Assert.DoesNotContain('\u202E', body);
    }

    [Fact]
    public void Payload_GenericJson_KeepsTheRawValuesOnlyInTheirOwnFields()
    {
        Assert.True(NotifyTarget.TryParse("json+http://127.0.0.1:1/hook", out var target, out _));

        var (_, body) = NotificationPayload.Build(target, Event(), new SecretRedactor([]), Now);

        using var json = JsonDocument.Parse(body);
        Assert.Equal(MentionAll, json.RootElement.GetProperty("task").GetProperty("name").GetString());
        Assert.Contains("\\u202E", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Logs_EveryLineAndValue_AreEscapedOnce()
    {
        var captured = new CapturedLogs();
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            logging.AddProvider(captured);
            EscapingLoggerProvider.WrapAll(logging.Services);
        });
        using var provider = services.BuildServiceProvider();
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("test");

#pragma warning disable CA1848, CA2254 // a plain call on purpose: the escaping must not depend on how a line is written
        logger.LogWarning("task {Task}: {Message}", "t1\nforged line", PlatformMessage);
#pragma warning restore CA1848, CA2254

        var line = Assert.Single(captured.Lines);
        Assert.DoesNotContain('\u001b', line);
        Assert.DoesNotContain('\u202E', line);
        Assert.Contains("t1\\nforged line", line, StringComparison.Ordinal);
        Assert.Contains("\\x1B[2J\\u202E", line, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Texts(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().Where(p => p.Name != "task").SelectMany(p => Texts(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Texts),
        JsonValueKind.String => [element.GetString()!],
        _ => [],
    };
}
