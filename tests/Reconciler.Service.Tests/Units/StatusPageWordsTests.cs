using System.Text.Json;
using Reconciler.Core.Applying;
using Reconciler.Core.Reconciling;
using Reconciler.Core.Tasks;
using Reconciler.Service.Http;
using Xunit;

namespace Reconciler.Service.Tests.Units;

/// <summary>The page's words come from the one vocabulary: every state and trigger has Chinese words, and the chips are distinct.</summary>
public sealed class StatusPageWordsTests
{
    [Fact]
    public void Vocabulary_HasWordsForEveryStateAndTrigger()
    {
        using var words = JsonDocument.Parse(JsonSerializer.Serialize(StatusPageWords.Vocabulary()));
        var root = words.RootElement;

        Assert.All(TaskStateWords.All, s => Assert.False(string.IsNullOrEmpty(root.GetProperty("states").GetProperty(s.ToWord()).GetProperty("label").GetString())));
        Assert.All(Enum.GetValues<RunTrigger>(), t => Assert.True(root.GetProperty("triggers").TryGetProperty(t.ToWord(), out _)));
        var chips = root.GetProperty("filters").EnumerateArray().Select(f => f[0].GetString()).ToList();
        Assert.Equal(chips.Count, chips.Distinct().Count());
        Assert.Equal("failed", root.GetProperty("states").GetProperty("rejected").GetProperty("filter").GetString());
        Assert.Contains("修改清单后才会重试", root.GetProperty("states").GetProperty("rejected").GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2.0任务启动中,请先停止任务")]
    [InlineData("task_extras.pop_mode 不能为空")]
    [InlineData("无效的请求 / invalid request")]
    public void Messages_ThePlatformsOwnMessage_StaysAsTheyWereSent(string platform) =>
        Assert.Equal(platform, StatusPageMessages.Translate(platform));

    [Theory]
    [InlineData(ApplyMessages.NotSent + ApplyMessages.ReadAsRunning + ApplyMessages.StopAdvice, "未发送:任务详情显示任务正在运行;请先停止任务,或设置 metadata.stop_before_update: true")]
    [InlineData("not sent: the task detail reads status 3 (运行中); stop it or set metadata.stop_before_update: true", "未发送:任务详情显示 status 3 (运行中);请先停止任务,或设置 metadata.stop_before_update: true")]
    [InlineData("HTTP 503 Service Unavailable after 5 attempts (the server asked to wait 30 s): 服务繁忙; " + ApplyMessages.InDoubtNote, "HTTP 503 Service Unavailable,尝试 5 次后仍失败(服务器要求等待 30 秒): 服务繁忙;平台可能已应用,也可能未应用:结果未知,下次运行会重新发送")]
    [InlineData("applied" + ApplyMessages.NotRecorded + "disk I/O error" + ApplyMessages.NotRecordedEnd, "已应用,但未能记录:状态存储无法写入(disk I/O error);结果未知")]
    [InlineData(ApplyMessages.CouldNotStop + "任务不存在", "无法停止任务:任务不存在")]
    [InlineData("connection failed (ConnectionError) (3 attempts)", "连接失败(ConnectionError)(尝试 3 次)")]
    [InlineData("the API refused the token from RECONCILER_API_TOKEN for account 5832d184 (HTTP 401: 令牌无效)", "平台拒绝了来自 RECONCILER_API_TOKEN 的令牌(账号 5832d184)(HTTP 401: 令牌无效)")]
    [InlineData("re-applied 4 times in the last hour after drift: someone keeps changing it on the platform; held back (fix the manifest or the platform)", "漂移后一小时内已重新应用 4 次:有人在平台上反复修改;已暂停自动修复(请修正清单或平台)")]
    [InlineData("Plan: 1 to update, 2 to adopt, 0 to unmanage, 0 invalid, 13 unchanged, 1 suspended.", "计划:更新 1,纳入管理 2,不再管理 0,清单无效 0,未变更 13,已挂起 1")]
    [InlineData("Plan: 0 to update, 0 to adopt, 1 to unmanage, 2 invalid, 3 unchanged.", "计划:更新 0,纳入管理 0,不再管理 1,清单无效 2,未变更 3")]
    [InlineData("fetch failed (Unreachable): failed to resolve path '/srv/git/tasks.git'", "获取仓库失败(无法连接仓库):failed to resolve path '/srv/git/tasks.git'")]
    public void Messages_TheToolsOwnSentences_AreChineseAroundWhatCameFromOutside(string message, string shown) =>
        Assert.Equal(shown, StatusPageMessages.Translate(message));

    [Fact]
    public void Messages_EveryFixedSentenceOfApply_HasChineseWords()
    {
        // NotRecorded always follows an outcome word ("failed but not recorded: …"), InDoubtNote a failure's message ("…; the platform may…").
        var sentences = typeof(ApplyMessages).GetFields()
            .Select(f => f.Name switch { nameof(ApplyMessages.NotRecorded) => "failed", nameof(ApplyMessages.InDoubtNote) => "HTTP 502; ", _ => "" } + (string)f.GetRawConstantValue()!)
            .ToList();

        Assert.NotEmpty(sentences);
        Assert.All(sentences, sentence => Assert.NotEqual(sentence, StatusPageMessages.Translate(sentence)));
    }

    [Fact]
    public void Script_SpellsNoStateWord_TheServerSendsThem()
    {
        var script = File.ReadAllText(Support.RepositoryFiles.Path("src", "Reconciler.Service", "Http", "StatusPage.js"));

        Assert.All(TaskStateWords.All.Select(s => s.ToWord()), word =>
        {
            Assert.DoesNotContain($"\"{word}\"", script, StringComparison.Ordinal);
            Assert.DoesNotContain($"'{word}'", script, StringComparison.Ordinal);
        });
    }
}
