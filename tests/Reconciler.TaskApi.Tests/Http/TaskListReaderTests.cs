using Reconciler.TaskApi.Http;

namespace Reconciler.TaskApi.Tests.Http;

/// <summary>The list answer as the vendor's pages show it (docs/api/task-list-and-detail.md), and what is refused.</summary>
public sealed class TaskListReaderTests
{
    [Fact]
    public void Read_TheDocumentedExample_GivesUuidsAndMeta()
    {
        var page = TaskListReader.Read("""
            {"code":200,"status":"success","message":"返回任务列表信息成功",
             "meta":{"has_pages":true,"total":31,"last_page":31,"current_page":1,"per_page":"1"},
             "data":[{"uuid":"e5cb8746-411d-4d6d-a1fa-0fe030f00fad","name":"测试api接口创建-222","enable":false,"user_id":"b6d94bef-5ac2-4c6e-ba13-d2f8f124862b"}]}
            """);

        Assert.Null(page.Problem);
        var task = Assert.Single(page.Tasks);
        Assert.Equal(("e5cb8746-411d-4d6d-a1fa-0fe030f00fad", "b6d94bef-5ac2-4c6e-ba13-d2f8f124862b"), (task.TaskId, task.OwnerUserId));
        Assert.Equal(new TaskListMeta(true, 31, 31, 1, 1), page.Meta);
        Assert.False(page.Meta!.IsLast(1, 1));
        Assert.True(page.Meta.IsLast(31, 31));
    }

    [Theory]
    [InlineData("""{"code":200,"data":{"rows":[]}}""", "data is an object, not the documented array of tasks")]
    [InlineData("""{"code":200,"data":[{"id":"a"}]}""", "data[0] has no uuid (the documented task id)")]
    [InlineData("""{"code":200,"data":[{"uuid":""}]}""", "data[0] has no uuid (the documented task id)")]
    [InlineData("""{"code":200}""", "the answer has no data")]
    [InlineData("<html>", "the answer is not JSON")]
    public void Read_AnAnswerInNoExpectedShape_IsRefusedSayingWhat(string text, string problem) =>
        Assert.Equal(problem, TaskListReader.Read(text).Problem);

    [Fact]
    public void Read_WithoutMeta_ReadsTheTasksAndLeavesTheEndToAnEmptyPage()
    {
        var page = TaskListReader.Read("""{"code":200,"data":[{"uuid":"a"},{"uuid":215870475195883520}]}""");

        Assert.Equal(["a", "215870475195883520"], page.Tasks.Select(t => t.TaskId));
        Assert.Null(page.Meta);
    }

    [Theory]
    [InlineData(false, null, null, 1, 5, true)]
    [InlineData(true, null, 10L, 1, 5, false)]
    [InlineData(true, null, 10L, 2, 10, true)]
    [InlineData(null, null, null, 3, 3, null)]
    public void IsLast_FollowsLastPageThenTotal(bool? hasPages, long? lastPage, long? total, int page, int seen, bool? last) =>
        Assert.Equal(last, new TaskListMeta(hasPages, total, lastPage, page, 5).IsLast(page, seen));
}
