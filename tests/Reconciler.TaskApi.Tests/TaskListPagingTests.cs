using System.Globalization;
using Microsoft.AspNetCore.Http;
using Reconciler.Core.Planning;
using Reconciler.TaskApi.Tests.Support;
using Reconciler.Testing.Platform;

namespace Reconciler.TaskApi.Tests;

/// <summary>Listing page after page against a platform on 127.0.0.1, until it says the list is done or the bound is reached.</summary>
public sealed class TaskListPagingTests
{
    private const string User = "5832d184-dd53-42a0-8ace-0bf8d660f4cc";

    [Fact]
    public async Task List_250Tasks_ReadsThreePagesOfTheDocumentedShape()
    {
        await using var platform = await WithTasksAsync(250);
        using var client = ClientHarness.Create(platform.BaseAddress, ClientHarness.DefaultToken("token-1234567890"));

        var list = await client.Api.ListTasksAsync(new TaskListQuery(User), CancellationToken.None);

        Assert.Null(list.Problem);
        Assert.Equal(250, list.Tasks.Count);
        Assert.Equal((3, 250L, false), (list.PagesRead, list.ReportedTotal!.Value, list.Truncated));
        Assert.Equal(3, platform.ListRequests);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task List_12000Tasks_ReadsPastTheOld10000CapUntilThePlatformSaysDone()
    {
        await using var platform = await WithTasksAsync(12_000);
        using var client = ClientHarness.Create(platform.BaseAddress, ClientHarness.DefaultToken("token-1234567890"));

        var list = await client.Api.ListTasksAsync(new TaskListQuery(User), CancellationToken.None);

        Assert.Null(list.Problem);
        Assert.Equal((12_000, 120, 12_000L, false), (list.TaskIds.Distinct(StringComparer.Ordinal).Count(), list.PagesRead, list.ReportedTotal!.Value, list.Truncated));
        Assert.Equal(120, platform.ListRequests);
    }

    [Fact]
    public async Task List_BoundReachedBeforeTheLastPage_IsTruncatedNotSilent()
    {
        await using var platform = await WithTasksAsync(250);
        using var client = ClientHarness.Create(platform.BaseAddress, ClientHarness.DefaultToken("token-1234567890"));

        var list = await client.Api.ListTasksAsync(new TaskListQuery(User, MaxPages: 2), CancellationToken.None);

        Assert.Equal((200, 2, true), (list.Tasks.Count, list.PagesRead, list.Truncated));
        Assert.Null(list.Problem);
    }

    [Fact]
    public async Task List_APlatformIgnoringThePageNumber_StopsWithAProblem()
    {
        await using var platform = await FakeTaskPlatform.StartAsync();
        platform.ListHook = context => Answer(context, """{"code":200,"meta":{"has_pages":true,"last_page":9,"current_page":1},"data":[{"uuid":"same"}]}""");
        using var client = ClientHarness.Create(platform.BaseAddress, ClientHarness.DefaultToken("token-1234567890"));

        var list = await client.Api.ListTasksAsync(new TaskListQuery(User), CancellationToken.None);

        Assert.Equal("asked for page 2, the platform answered page 1", list.Problem);
        Assert.Equal(["same"], list.TaskIds);
    }

    [Fact]
    public async Task List_WithoutMetaRepeatingItself_StopsWithAProblem()
    {
        await using var platform = await FakeTaskPlatform.StartAsync();
        platform.ListHook = context => Answer(context, """{"code":200,"data":[{"uuid":"same"}]}""");
        using var client = ClientHarness.Create(platform.BaseAddress, ClientHarness.DefaultToken("token-1234567890"));

        var list = await client.Api.ListTasksAsync(new TaskListQuery(User), CancellationToken.None);

        Assert.Equal("page 2 repeats tasks of earlier pages: the platform seems to ignore the page number", list.Problem);
    }

    [Fact]
    public async Task List_AllSubAccounts_UsesSubsetTaskAndNamesEachOwner()
    {
        await using var platform = await FakeTaskPlatform.StartAsync();
        platform.AddTask(User, "main");
        platform.AddTask(User, "s1", subUserId: "sub-A");
        using var client = ClientHarness.Create(platform.BaseAddress, ClientHarness.DefaultToken("token-1234567890"));

        var subs = await client.Api.ListTasksAsync(new TaskListQuery(User, Scope: TaskListScope.AllSubAccounts), CancellationToken.None);

        Assert.Equal([new ListedTask("s1", "sub-A")], subs.Tasks);
    }

    private static async Task<FakeTaskPlatform> WithTasksAsync(int count)
    {
        var platform = await FakeTaskPlatform.StartAsync();
        for (var i = 0; i < count; i++)
        {
            platform.AddTask(User, $"t{i:D5}");
        }

        return platform;
    }

    private static async Task<bool> Answer(HttpContext context, string json)
    {
        _ = int.Parse(context.Request.Query["page"].ToString(), CultureInfo.InvariantCulture);
        await context.Response.WriteAsync(json, context.RequestAborted);
        return true;
    }
}
