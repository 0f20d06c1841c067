using System.Text.Json;
using Reconciler.Core.Applying.Rollout;
using Reconciler.Core.Secrets;
using Reconciler.Core.State;
using Reconciler.Service.Notifications;

namespace Reconciler.Service.Tests.Units;

/// <summary>A halted staged rollout is one notification with its numbers, not a task's.</summary>
public sealed class RolloutHaltedNotificationTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 3, 0, 0, TimeSpan.Zero);

    private static readonly RevisionHold Hold = new(RevisionHoldKind.Halted, "5f0c1d2e3a4b5c6d", Now, new RolloutHalt(1, 2, 10, 3, 0, "--halt-on-rejected 20%", 10));

    [Fact]
    public void Payload_GenericJson_IsARolloutHaltedEventWithTheNumbers()
    {
        Assert.True(NotifyTarget.TryParse("json+http://127.0.0.1:1/hook", out var target, out _));

        var (_, body) = NotificationPayload.Build(target, TaskEvent.RolloutHalted(Hold, "ops/tasks", Now), new SecretRedactor([]), Now);

        using var json = JsonDocument.Parse(body);
        Assert.Equal("rollout_halted", json.RootElement.GetProperty("event").GetString());
        Assert.Equal("5f0c1d2e3a4b5c6d", json.RootElement.GetProperty("revision").GetString());
        Assert.Equal("halted after batch 1 of 2: 3 of 10 rejected (30%), 0 failed (0%), more than --halt-on-rejected 20%; 10 task(s) not sent (still planned)", json.RootElement.GetProperty("task").GetProperty("message").GetString());
        Assert.StartsWith("【任务对账】分批发布已暂停", json.RootElement.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Text_WeCom_HasNoTaskLineButTheReasonAndTheNumbers()
    {
        Assert.True(NotifyTarget.TryParse("wecom+http://127.0.0.1:1/hook", out var target, out _));

        var (_, body) = NotificationPayload.Build(target, TaskEvent.RolloutHalted(Hold, "ops/tasks", Now), new SecretRedactor([]), Now);

        var content = JsonDocument.Parse(body).RootElement.GetProperty("text").GetProperty("content").GetString()!;
        Assert.DoesNotContain("任务:", content, StringComparison.Ordinal);
        Assert.Contains("暂停原因:halted after batch 1 of 2", content, StringComparison.Ordinal);
        Assert.Contains("reconciler sync --resume", content, StringComparison.Ordinal);
    }
}
