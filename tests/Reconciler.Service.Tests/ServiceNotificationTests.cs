using System.Text.Json;
using Reconciler.Service.Notifications;
using Reconciler.Service.Tests.Support;
using Reconciler.Testing.Notifications;
using Xunit;

namespace Reconciler.Service.Tests;

/// <summary>
/// <c>--notify</c>: one message per newly blocked (failed, in doubt, left stopped) task and per recovered one, to
/// fake robots on 127.0.0.1; keys never in logs; bounded retries; a dead or hanging receiver never holds up runs.
/// </summary>
public sealed class ServiceNotificationTests
{
    private const string Key = "wecom-key-5f0c1d2e3a4b5c6d";

    [Fact]
    public async Task Notify_BlockedThenRecovered_PostsOneWeComMessageForEachAndNeverLogsTheKey()
    {
        await using var receiver = await FakeReceiver.StartAsync(CancellationToken.None);
        await using var service = await ServiceHarness.CreateAsync();
        service.AddTasks(1);
        var running = service.Simulator.CreateTask(service.Account, running: true);
        service.Remote.Write(ServiceManifests.Path(5), ServiceManifests.Valid(running, "信用卡逾期提醒"));
        service.Remote.CommitAndPush("a task that is dialling");
        await service.StartAsync(new Dictionary<string, string?> { ["Notify"] = $"wecom+{receiver.BaseAddress}cgi-bin/webhook/send?key={Key}", ["LogLevel"] = "Trace" });
        await service.WaitForRunsAsync(1);
        await receiver.WaitForAsync(1, service.Token);

        service.Simulator.State.SetRunning(running.UserId, running.TaskId, running: false);
        service.Advance(TimeSpan.FromMinutes(5.5));
        await service.WaitForRunsAsync(2);
        await receiver.WaitForAsync(2, service.Token);
        service.Advance(TimeSpan.FromMinutes(5.5));
        await service.WaitForRunsAsync(3); // nothing new: no third message

        var messages = receiver.Requests.ToList();
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.Equal($"/cgi-bin/webhook/send?key={Key}", m.PathAndQuery));
        var (blocked, recovered) = (Content(messages[0].Body), Content(messages[1].Body));
        Assert.StartsWith("【任务对账】任务被阻塞:信用卡逾期提醒", blocked, StringComparison.Ordinal);
        Assert.Contains(running.TaskId, blocked, StringComparison.Ordinal);
        Assert.Contains("not sent: the task detail reads status 3", blocked, StringComparison.Ordinal); // no PUT: no [6007]
        Assert.Contains(ServiceManifests.Path(5), blocked, StringComparison.Ordinal);
        Assert.StartsWith("【任务对账】任务已恢复:信用卡逾期提醒", recovered, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, service.Logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain(service.Account.Token, blocked + recovered, StringComparison.Ordinal);
        Assert.Contains("reconciler_notifications_total{result=\"sent\"} 2", await service.Http.GetStringAsync("metrics", service.Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notify_DingTalkFeishuAndGenericJson_GetTheirOwnFormatsAndSignedRobotsAreSigned()
    {
        await using var dingtalk = await FakeReceiver.StartAsync(CancellationToken.None);
        await using var feishu = await FakeReceiver.StartAsync(CancellationToken.None);
        await using var generic = await FakeReceiver.StartAsync(CancellationToken.None);
        await using var service = await ServiceHarness.CreateAsync();
        var running = service.AddTasks(1, running: true)[0];
        service.Remote.CommitAndPush("a task that is dialling");
        var notify = $"dingtalk+{dingtalk.BaseAddress}robot/send?access_token=ding-token-0123456789&secret=SECding0123456789 " +
            $"feishu+{feishu.BaseAddress}open-apis/bot/v2/hook/feishu-hook-0123456789?secret=feishu-secret-0123456789 " +
            $"{generic.BaseAddress}hooks/reconciler";
        await service.StartAsync(new Dictionary<string, string?> { ["Notify"] = notify });
        await service.WaitForRunsAsync(1);
        await Task.WhenAll(dingtalk.WaitForAsync(1, service.Token), feishu.WaitForAsync(1, service.Token), generic.WaitForAsync(1, service.Token));

        var (dingPath, dingBody) = Assert.Single(dingtalk.Requests);
        Assert.Matches("^/robot/send\\?access_token=ding-token-0123456789&timestamp=[0-9]{13}&sign=[^&]+$", dingPath);
        using (var ding = JsonDocument.Parse(dingBody))
        {
            Assert.Equal("markdown", ding.RootElement.GetProperty("msgtype").GetString());
            Assert.StartsWith("【任务对账】任务被阻塞", ding.RootElement.GetProperty("markdown").GetProperty("title").GetString(), StringComparison.Ordinal);
            Assert.StartsWith("#### 【任务对账】任务被阻塞", ding.RootElement.GetProperty("markdown").GetProperty("text").GetString(), StringComparison.Ordinal);
        }

        var (feishuPath, feishuBody) = Assert.Single(feishu.Requests);
        Assert.Equal("/open-apis/bot/v2/hook/feishu-hook-0123456789", feishuPath);
        using (var lark = JsonDocument.Parse(feishuBody))
        {
            Assert.Equal("text", lark.RootElement.GetProperty("msg_type").GetString());
            Assert.Contains(running.TaskId, lark.RootElement.GetProperty("content").GetProperty("text").GetString(), StringComparison.Ordinal);
            var timestamp = lark.RootElement.GetProperty("timestamp").GetString()!;
            var expected = Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(timestamp + "\nfeishu-secret-0123456789"), Array.Empty<byte>()));
            Assert.Equal(expected, lark.RootElement.GetProperty("sign").GetString());
        }

        var (_, genericBody) = Assert.Single(generic.Requests);
        using (var json = JsonDocument.Parse(genericBody))
        {
            Assert.Equal("task_blocked", json.RootElement.GetProperty("event").GetString());
            Assert.Equal(running.TaskId, json.RootElement.GetProperty("task").GetProperty("task_id").GetString());
            Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("task").GetProperty("api_code").ValueKind); // the running check sent no PUT
        }

        Assert.DoesNotContain("SECding0123456789", dingPath + dingBody + feishuBody + genericBody, StringComparison.Ordinal);
        Assert.DoesNotContain("feishu-secret-0123456789", feishuPath + feishuBody + service.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notify_ReceiverAnswering500_IsRetriedABoundedNumberOfTimesThenCountedFailed()
    {
        await using var receiver = await FakeReceiver.StartAsync(CancellationToken.None);
        receiver.Answer = () => (500, "<html><title>502 Bad Gateway</title></html>");
        await using var service = await ServiceHarness.CreateAsync();
        service.NotifyOptions = service.NotifyOptions with { MaxRetryAttempts = 2 };
        service.AddTasks(1, running: true);
        service.Remote.CommitAndPush("a task that is dialling");
        await service.StartAsync(new Dictionary<string, string?> { ["Notify"] = $"json+{receiver.BaseAddress}hook?token={Key}" });
        await service.WaitForRunsAsync(1);

        while (Value(await service.Http.GetStringAsync("metrics", service.Token), "reconciler_notifications_total{result=\"failed\"}") < 1)
        {
            await Task.Delay(20, service.Token);
        }

        Assert.Equal(3, receiver.Requests.Count); // the first attempt and two retries
        Assert.Contains("notification to json http://127.0.0.1:", service.Logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, service.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notify_HangingReceiver_NeverHoldsUpRunsAndEventsBeyondTheQueueAreDroppedAndCounted()
    {
        await using var receiver = await FakeReceiver.StartAsync(CancellationToken.None);
        receiver.Hold();
        await using var service = await ServiceHarness.CreateAsync();
        service.NotifyOptions = service.NotifyOptions with { QueueCapacity = 1, MaxRetryAttempts = 0, AttemptTimeout = TimeSpan.FromMinutes(5), TotalTimeout = TimeSpan.FromMinutes(5) };
        service.AddTasks(4, running: true);
        service.Remote.CommitAndPush("four tasks that are dialling");
        await service.StartAsync(new Dictionary<string, string?> { ["Notify"] = $"feishu+{receiver.BaseAddress}open-apis/bot/v2/hook/abc" });
        await service.WaitForRunsAsync(1);
        await receiver.WaitForAsync(1, service.Token);

        // The receiver still holds the first message: runs go on regardless.
        service.Advance(TimeSpan.FromMinutes(5.5));
        await service.WaitForRunsAsync(2);
        service.Advance(TimeSpan.FromMinutes(5.5));
        await service.WaitForRunsAsync(3);

        var metrics = await service.Http.GetStringAsync("metrics", service.Token);
        var dropped = Value(metrics, "reconciler_notifications_total{result=\"dropped\"}");
        var queued = Value(metrics, "reconciler_notifications_queued");
        Assert.Equal(1, receiver.InFlight);
        Assert.Equal(3, dropped + queued); // four events: one in flight, the queue holds at most one, the rest dropped
        Assert.InRange(dropped, 2, 3);
        receiver.Release();
    }

    private static string Content(string body)
    {
        using var json = JsonDocument.Parse(body);
        Assert.Equal("text", json.RootElement.GetProperty("msgtype").GetString());
        return json.RootElement.GetProperty("text").GetProperty("content").GetString()!;
    }

    private static long Value(string metrics, string series) =>
        (long)double.Parse(metrics.Split('\n').Single(l => l.StartsWith(series + " ", StringComparison.Ordinal))[(series.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);
}
