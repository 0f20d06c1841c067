using System.Text.Json;
using Reconciler.Cli.Tests.Support;
using Reconciler.Testing.Notifications;
using Reconciler.Testing.Simulator;
using Xunit;

namespace Reconciler.Cli.Tests.Polish;

/// <summary><c>apply --notify</c>: a message per task left blocked (or failed), to a fake robot on 127.0.0.1; none for tasks applied.</summary>
public sealed class ApplyNotifyTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    [Fact]
    public async Task Apply_WithNotify_PostsOneMessageForTheBlockedTaskAndNoneForTheApplied()
    {
        await using var robot = await FakeReceiver.StartAsync(CancellationToken.None);
        using var work = new ApplyWorkspace(simulator);
        work.AddTask("a.yaml");
        var running = work.AddTask("b.yaml", running: true);
        const string key = "wecom-key-0123456789abcdef";

        var result = await work.ApplyAsync("--notify", $"wecom+{robot.BaseAddress}cgi-bin/webhook/send?key={key}");

        Assert.True(result.ExitCode == 3, result.ToString()); // blocked: the notification does not change the exit code
        var (path, body) = Assert.Single(robot.Requests);
        Assert.Equal($"/cgi-bin/webhook/send?key={key}", path);
        using var json = JsonDocument.Parse(body);
        var text = json.RootElement.GetProperty("text").GetProperty("content").GetString()!;
        Assert.StartsWith("【任务对账】任务被阻塞", text, StringComparison.Ordinal);
        Assert.Contains(running.TaskId, text, StringComparison.Ordinal);
        Assert.Contains("1 notification(s) sent", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(key, result.Out + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_WithABadNotifyUrl_FailsBeforeAnythingIsSent()
    {
        using var work = new ApplyWorkspace(simulator);
        var task = work.AddTask("a.yaml");

        var result = await work.ApplyAsync("--notify", "http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=s3cret-key-value");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--notify: a notification URL to qyapi.weixin.qq.com must use https", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-key-value", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, work.Task(task).PutCount);
    }
}
