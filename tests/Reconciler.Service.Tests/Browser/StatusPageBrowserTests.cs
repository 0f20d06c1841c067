using Microsoft.Playwright;
using Reconciler.Core.Manifests;
using Reconciler.Service.Configuration;
using Reconciler.Service.Status;
using Reconciler.Service.Tests.Support;
using Reconciler.Testing.Postgres;
using Xunit;
using Xunit.Abstractions;

namespace Reconciler.Service.Tests.Browser;

/// <summary>
/// The status page at <c>/</c>, loaded from an in-process service by a real headless Chromium (Debian's package,
/// driven by Playwright with the system browser): problems first, names shown as text whatever they hold, filters
/// that work, nothing loaded from outside. The screenshot is kept under TestResults/ (and, with
/// <c>RECONCILER_UPDATE_SCREENSHOT=1</c>, written to docs/images/status-page.png for the docs).
/// </summary>
[Trait("Category", "Slow")] // a real headless Chromium
public sealed class StatusPageBrowserTests(ITestOutputHelper output)
{
    // Chromium as root in a container, on a machine whose network is closed: the flags the machine's notes require.
    private static readonly string[] ChromiumFlags =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"];

    private const string HostileName = "<img src=x onerror=\"document.title='pwned'\">\u001b[2J外呼任务";

    [ChromiumFact]
    public async Task StatusPage_InChromium_ListsTheBlockedTaskFirstAndShowsHostileNamesAsText()
    {
        await using var service = await ServiceHarness.CreateAsync();
        var tasks = service.AddTasks(3);
        var running = service.Simulator.CreateTask(service.Account, running: true);
        service.Remote.Write(ServiceManifests.Path(7), ServiceManifests.Valid(running, "信用卡逾期提醒-运行中"));
        var hostile = service.Simulator.CreateTask(service.Account);
        service.Remote.Write(ServiceManifests.Path(8), ServiceManifests.Valid(hostile, "\"" + HostileName.Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\u001b", "\\e", StringComparison.Ordinal) + "\""));
        service.Remote.CommitAndPush("five tasks, one of them dialling");
        await service.StartAsync(new Dictionary<string, string?> { ["RepoWebUrl"] = "https://github.com/acme/call-tasks" });
        await service.WaitForRunsAsync(1);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await NewPageAsync(browser);
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") problems.Add(message.Text); };
        page.PageError += (_, error) => problems.Add(error);
        var requested = new List<string>();
        page.Request += (_, request) => requested.Add(request.Url);

        await page.GotoAsync(service.App.BaseAddress.ToString());
        await page.WaitForSelectorAsync("body[data-loaded=true]");

        // Default filter "需处理" (problems): only the blocked task; "全部" (all): every task, problems first.
        var shown = await States(page);
        Assert.Equal(["blocked"], shown);
        await page.ClickAsync("button[data-filter=all]");
        var all = await States(page);
        Assert.Equal(5, all.Count);
        Assert.Equal("blocked", all[0]);
        Assert.Equal(running.TaskId, await page.Locator("#tasks tbody tr").First.GetAttributeAsync("data-task-id"));
        var firstRow = await page.Locator("#tasks tbody tr").First.InnerTextAsync();
        Assert.Contains("阻塞", firstRow, StringComparison.Ordinal);
        Assert.Contains("status 3", firstRow, StringComparison.Ordinal); // what the running check read (no PUT, no 6007)

        // The hostile name is text: no element was made of it, its script never ran, its ESC is shown escaped.
        Assert.Equal(0, await page.Locator("#tasks img").CountAsync());
        Assert.NotEqual("pwned", await page.TitleAsync());
        var hostileRow = await page.Locator($"#tasks tbody tr[data-task-id='{hostile.TaskId}']").InnerTextAsync();
        Assert.Contains("<img src=x", hostileRow, StringComparison.Ordinal);
        Assert.Contains("\\x1B[2J外呼任务", hostileRow, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", hostileRow, StringComparison.Ordinal);

        // File links follow --repo-web-url at the revision that was planned.
        var link = await page.Locator($"#tasks tbody tr[data-task-id='{tasks[0].TaskId}'] a").GetAttributeAsync("href");
        Assert.Equal($"https://github.com/acme/call-tasks/blob/{service.App.Status.Current.LastRun!.Revision}/{ServiceManifests.Path(0)}", link);

        // Search narrows the list to one task.
        await page.FillAsync("#search", tasks[1].TaskId);
        Assert.Equal(tasks[1].TaskId, Assert.Single(await page.Locator("#tasks tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.taskId)")));
        await page.FillAsync("#search", "");

        var screenshot = RepositoryFiles.Path("TestResults", "screenshots", "status-page.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        if (Environment.GetEnvironmentVariable("RECONCILER_UPDATE_SCREENSHOT") == "1")
        {
            File.Copy(screenshot, RepositoryFiles.Path("docs", "images", "status-page.png"), overwrite: true);
        }

        output.WriteLine($"screenshot: {screenshot}");
        Assert.Empty(problems);
        Assert.All(requested, url => Assert.StartsWith(service.App.BaseAddress.ToString(), url, StringComparison.Ordinal));
    }

    [ChromiumFact(postgres: true)]
    public async Task StatusPage_WithASharedPostgresState_ShowsThisReplicaAndTheLeader()
    {
        await using var schema = await PostgresTestServer.CreateSchemaAsync();
        await using var service = await ServiceHarness.CreateAsync();
        service.AddTasks(1);
        service.Remote.CommitAndPush("one task");
        await service.StartAsync(new Dictionary<string, string?> { [ServiceSettings.State.Key] = schema.Url });
        await service.App.Status.WaitUntilAsync(() => service.App.Status.Current.Replica is { Role: ReplicaRole.Leader, Leader: not null } && service.App.Status.Runs > 0, service.Token);
        var leader = service.App.Status.Current.Replica!.Leader!;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await NewPageAsync(browser);
        await page.GotoAsync(service.App.BaseAddress.ToString());
        await page.WaitForSelectorAsync("body[data-loaded=true]");

        var facts = await page.Locator("#facts").InnerTextAsync();
        Assert.Contains("主副本(负责应用)", facts, StringComparison.Ordinal);
        Assert.Contains($"{leader.Replica}({leader.Host},进程 {leader.ProcessId},任期 {leader.Term})", facts, StringComparison.Ordinal);
        Assert.Contains("本副本", facts, StringComparison.Ordinal);
        Assert.Contains(leader.Replica + " — 主副本(负责应用)", facts, StringComparison.Ordinal);
    }

    private static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = ChromiumFactAttribute.ExecutablePath,
        Headless = true,
        Args = ChromiumFlags,
        Timeout = 60_000,
    });

    private static Task<IPage> NewPageAsync(IBrowser browser) =>
        browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1360, Height = 900 }, Locale = "zh-CN", TimezoneId = "Asia/Shanghai" });

    private static async Task<List<string>> States(IPage page) =>
        [.. await page.Locator("#tasks tbody tr[data-state]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.state)")];
}
