using System.Text.Json;
using Reconciler.Core.Planning;
using Reconciler.TaskApi.Http;

namespace Reconciler.TaskApi.Tests.Http;

/// <summary>The detail's shape is only known from public docs: every reading tolerates missing and extra fields.</summary>
public sealed class TaskStateReaderTests
{
    [Theory]
    [InlineData("{\"status\":3,\"status_str\":\"等待执行\"}", true, "等待执行", "status 3")]
    [InlineData("{\"status\":\"3\"}", true, null, "status 3")]
    [InlineData("{\"status\":1,\"status_str\":\"已暂停\",\"extra\":{\"x\":1}}", false, "已暂停", "status 1")]
    [InlineData("{\"new_task_extra\":{\"enable\":true,\"call_status\":true}}", true, null, "new_task_extra.enable true, call_status true")]
    [InlineData("{\"new_task_extra\":{\"enable\":1,\"call_status\":\"1\"}}", true, null, "new_task_extra.enable true, call_status true")]
    [InlineData("{\"new_task_extra\":{\"enable\":true,\"call_status\":false}}", false, null, "new_task_extra.enable true, call_status false")]
    [InlineData("{\"status\":1,\"new_task_extra\":{\"enable\":true,\"call_status\":true}}", true, null, "status 1, new_task_extra.enable true, call_status true")]
    [InlineData("{\"status\":1,\"new_task_extra\":null}", false, null, "status 1")]
    public void Read_KnownFields_GiveRunStateAndSayWhatWasRead(string data, bool running, string? text, string evidence)
    {
        Assert.Equal(new RemoteTaskState(running, text, evidence), TaskStateReader.Read(Parse(data)));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"name\":\"x\"}")]
    [InlineData("[]")]
    [InlineData("\"\"")]
    [InlineData("{\"status\":\"running\"}")]
    public void Read_NothingToTell_IsNull(string data) => Assert.Null(TaskStateReader.Read(Parse(data)));

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
