using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Reconciler.Testing.Platform;

/// <summary>
/// A platform written apart from the simulator, on 127.0.0.1, for import round trips: a PUT stores the body text as
/// sent; the detail answers exactly that stored body plus the detail-only fields of the vendor's 2.0 detail example
/// (run state, display names, the remote task <c>new_task_extra</c> for a 新版 task, in its own shape); the lists
/// answer in the vendor's documented shape (<c>data[].uuid</c>, <c>meta</c> with <c>per_page</c> as a string).
/// No validation: what is sent is what is stored. <see cref="DetailHook"/> replaces a detail answer (hostile text,
/// huge or slow answers).
/// </summary>
public sealed class FakeTaskPlatform : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<(string User, string Task), FakePlatformTask> _tasks = new();

    private FakeTaskPlatform(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Called for every detail request with the task id; returns true when it wrote the answer itself.</summary>
    public Func<HttpContext, string, Task<bool>>? DetailHook { get; set; }

    /// <summary>Called for every list request (either list); returns true when it wrote the answer itself.</summary>
    public Func<HttpContext, Task<bool>>? ListHook { get; set; }

    public int Puts => _tasks.Values.Sum(t => t.Puts);

    public int ListRequests => _listRequests;

    /// <summary>Every request that reached the platform, on any path.</summary>
    public int Requests => _requests;

    private int _listRequests;
    private int _requests;

    public static async Task<FakeTaskPlatform> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var platform = new FakeTaskPlatform(app);
        app.Use((context, next) =>
        {
            Interlocked.Increment(ref platform._requests);
            return next(context);
        });
        const string Prefix = "/agent-api/new/user/{user}";
        app.MapPut(Prefix + "/task/{task}", platform.PutAsync);
        app.MapGet(Prefix + "/task/{task}/edit", platform.DetailAsync);
        app.MapGet(Prefix + "/task", context => platform.ListAsync(context, allSubAccounts: false));
        app.MapGet(Prefix + "/subset_task", context => platform.ListAsync(context, allSubAccounts: true));
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        platform.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return platform;
    }

    /// <summary>A task that exists on the platform (a 新版 one unless <paramref name="v2"/> is false), with a body or none yet.</summary>
    public void AddTask(string userId, string taskId, bool v2 = true, string? subUserId = null, string? body = null) =>
        _tasks[(userId, taskId)] = new FakePlatformTask(taskId, v2, subUserId) { Body = body };

    public string? Body(string userId, string taskId) => _tasks[(userId, taskId)].Body;

    public int PutsTo(string userId, string taskId) => _tasks[(userId, taskId)].Puts;

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task PutAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        if (!_tasks.TryGetValue(Key(context), out var task))
        {
            await Answer(context, """{"code":400,"status":"error","message":"任务不存在","data":""}""");
            return;
        }

        lock (task)
        {
            task.Body = body;
            task.Puts++;
        }

        await Answer(context, """{"code":200,"status":"success","message":"修改成功","data":""}""");
    }

    private async Task DetailAsync(HttpContext context)
    {
        var (_, taskId) = Key(context);
        if (DetailHook is { } hook && await hook(context, taskId))
        {
            return;
        }

        if (!_tasks.TryGetValue(Key(context), out var task) || !string.Equals(task.SubUserId, Query(context, "sub_user_id"), StringComparison.Ordinal))
        {
            await Answer(context, """{"code":400,"status":"error","message":"任务不存在","data":""}""");
            return;
        }

        var data = FakePlatformDetail.Of(task);
        await Answer(context, new JsonObject { ["code"] = 200, ["status"] = "success", ["message"] = "返回任务信息成功", ["data"] = data }.ToJsonString());
    }

    private async Task ListAsync(HttpContext context, bool allSubAccounts)
    {
        Interlocked.Increment(ref _listRequests);
        if (ListHook is { } hook && await hook(context))
        {
            return;
        }

        var user = (string)context.Request.RouteValues["user"]!;
        var sub = allSubAccounts ? null : Query(context, "sub_user_id");
        var page = int.Parse(Query(context, "page") ?? "1", CultureInfo.InvariantCulture);
        var perPage = int.Parse(Query(context, "per_page") ?? "15", CultureInfo.InvariantCulture);
        var matching = _tasks.Where(t => t.Key.User == user && (allSubAccounts ? t.Value.SubUserId is not null : t.Value.SubUserId == sub))
            .OrderBy(t => t.Key.Task, StringComparer.Ordinal)
            .Select(t => t.Value)
            .ToList();
        var lastPage = Math.Max(1, (matching.Count + perPage - 1) / perPage);
        var items = new JsonArray(matching.Skip((page - 1) * perPage).Take(perPage)
            .Select(t => (JsonNode)new JsonObject { ["uuid"] = t.TaskId, ["name"] = "列表项", ["enable"] = false, ["user_id"] = t.SubUserId ?? user })
            .ToArray());
        var answer = new JsonObject
        {
            ["code"] = 200,
            ["status"] = "success",
            ["message"] = "返回任务列表信息成功",
            ["meta"] = new JsonObject
            {
                ["has_pages"] = lastPage > 1,
                ["total"] = matching.Count,
                ["last_page"] = lastPage,
                ["current_page"] = page,
                ["per_page"] = perPage.ToString(CultureInfo.InvariantCulture),
            },
            ["data"] = items,
        };
        await Answer(context, answer.ToJsonString());
    }

    // Kestrel decodes a path except %2F (it would change the segments): an id holding '/' arrives as %2F.
    private static (string User, string Task) Key(HttpContext context) =>
        (Segment(context, "user"), Segment(context, "task"));

    private static string Segment(HttpContext context, string name) =>
        ((string)context.Request.RouteValues[name]!).Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);

    private static string? Query(HttpContext context, string name) =>
        context.Request.Query.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value.ToString()) ? value.ToString() : null;

    private static Task Answer(HttpContext context, string json)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json, context.RequestAborted);
    }
}
