using Microsoft.Playwright;
using Reconciler.Core.Manifests;
using Reconciler.Core.Tasks;
using Reconciler.Service.Configuration;
using Reconciler.Service.Status;
using Reconciler.Service.Tests.Support;
using Reconciler.Testing.Postgres;
using TaskApi.Simulator;
using TaskApi.Simulator.Faults;
using Xunit;
using Xunit.Abstractions;

namespace Reconciler.Service.Tests.Browser;

/// <summary>
/// The status page at <c>/</c>, loaded from an in-process service by a real headless Chromium (Debian's package,
/// driven by Playwright with the system browser): a summary of the problems above the fold, problems first, names shown
/// as text whatever they hold, filters that work, nothing loaded from outside. The summary test's screenshot (the fold at
/// 1280×900) is kept under TestResults/ (and, with <c>RECONCILER_UPDATE_SCREENSHOT=1</c>, written to
/// docs/images/status-page.png for the docs).
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

    [ChromiumFact]
    public async Task StatusPage_At1280x900_LeadsWithTheProblemCountsShortIdsAndOneLanguage()
    {
        await using var service = await ServiceHarness.CreateAsync();
        service.AddTasks(3);
        var running = service.Simulator.CreateTask(service.Account, running: true);
        service.Remote.Write(ServiceManifests.Path(7), ServiceManifests.Valid(running, "信用卡逾期提醒-运行中"));
        var failing = service.Simulator.CreateTask(service.Account);
        service.Remote.Write(ServiceManifests.Path(8), ServiceManifests.Valid(failing, "宽带续费回访-网关故障"));
        service.Simulator.State.EnqueueFault(new QueuedFault(FaultKind.BadGateway, 10) { TaskId = failing.TaskId, Operation = ApiOperation.UpdateTask });
        service.Remote.CommitAndPush("five tasks: one dialling, one behind a failing gateway");
        await service.StartAsync();
        await service.WaitForRunsAsync(1);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "zh-CN", TimezoneId = "Asia/Shanghai" });
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new BrowserContextGrantPermissionsOptions { Origin = service.App.BaseAddress.GetLeftPart(UriPartial.Authority) });
        var page = await context.NewPageAsync();
        await page.GotoAsync(service.App.BaseAddress.ToString());
        await page.WaitForSelectorAsync("body[data-loaded=true]");

        // The summary sits above the fold at 1280×900, with a count per problem state, and so does the first problem.
        var summary = (await page.Locator("#summary").BoundingBoxAsync())!;
        Assert.True(summary.Y + summary.Height <= 900, $"summary ends at {summary.Y + summary.Height} px");
        Assert.Equal("2", await TileCount(page, "problems"));
        Assert.Equal("1", await TileCount(page, TaskState.Blocked.ToWord()));
        Assert.Equal("1", await TileCount(page, TaskState.Failed.ToWord()));
        Assert.Contains("阻塞", await page.Locator($".tile[data-filter={TaskState.Blocked.ToWord()}]").InnerTextAsync(), StringComparison.Ordinal);
        var firstProblem = (await page.Locator("#tasks tbody tr").First.BoundingBoxAsync())!;
        Assert.True(firstProblem.Y + firstProblem.Height <= 900, $"the first problem row ends at {firstProblem.Y + firstProblem.Height} px");

        // The run that left a task blocked and one failed is highlighted, in the summary and in the history.
        Assert.Contains("run-partial", await page.Locator("#last-run").GetAttributeAsync("class") ?? "", StringComparison.Ordinal);
        var run = page.Locator("#runs tbody tr").First;
        Assert.Equal("partial", await run.GetAttributeAsync("data-verdict"));
        Assert.Contains("部分未应用", await run.InnerTextAsync(), StringComparison.Ordinal);
        Assert.NotEqual("rgba(0, 0, 0, 0)", await run.Locator("td").First.EvaluateAsync<string>("td => getComputedStyle(td).backgroundColor"));

        // Ids: the first characters on one line; the element holds the whole id (title on hover, copied on click).
        var id = page.Locator($"#tasks tbody tr[data-task-id='{running.TaskId}'] .id").Nth(1);
        Assert.Equal(running.TaskId, await id.TextContentAsync());
        Assert.StartsWith(running.TaskId, await id.GetAttributeAsync("title") ?? "", StringComparison.Ordinal);
        Assert.True(await id.EvaluateAsync<bool>("e => e.scrollWidth > e.clientWidth"), "the id is shortened on screen");
        Assert.True((await id.BoundingBoxAsync())!.Height < 30, "the id takes one line");
        await id.ClickAsync();
        Assert.Equal(running.TaskId, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));

        // One language: the tool's own messages are in Chinese; what is left in Latin letters is data (ids, paths, names,
        // code keys) or words from outside (the gateway's page title inside the failure), which are marked so.
        var blocked = await page.Locator($"#tasks tbody tr[data-task-id='{running.TaskId}'] td[data-outside]").InnerTextAsync();
        Assert.StartsWith("未发送:任务详情显示", blocked, StringComparison.Ordinal);
        Assert.EndsWith(";请先停止任务,或设置 metadata.stop_before_update: true", blocked.Trim(), StringComparison.Ordinal);
        var failed = await page.Locator($"#tasks tbody tr[data-task-id='{failing.TaskId}'] td[data-outside]").InnerTextAsync();
        Assert.Contains("HTTP 502 Bad Gateway,尝试 1 次后仍失败: 一个 HTML 页面,标题为 \"502 Bad Gateway\";平台可能已应用,也可能未应用:结果未知,下次运行会重新发送", failed, StringComparison.Ordinal);
        var english = await page.EvaluateAsync<string[]>(OwnTextInLatinLetters);
        Assert.True(english.Length == 0, "English in the page's own text: " + string.Join(" | ", english));
        Assert.True(await page.Locator("#font-missing").IsHiddenAsync());
        Assert.Contains("fonts-wqy-zenhei", await page.Locator("footer").InnerTextAsync(), StringComparison.Ordinal);

        var screenshot = RepositoryFiles.Path("TestResults", "screenshots", "status-page.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot });
        if (Environment.GetEnvironmentVariable("RECONCILER_UPDATE_SCREENSHOT") == "1")
        {
            File.Copy(screenshot, RepositoryFiles.Path("docs", "images", "status-page.png"), overwrite: true);
        }

        output.WriteLine($"screenshot (the fold at 1280×900): {screenshot}");
    }

    [ChromiumFact]
    public async Task StatusPage_RunHistory_HighlightsAFailedRunAndSaysWhyInChinese()
    {
        await using var service = await ServiceHarness.CreateAsync();
        service.AddTasks(2);
        service.Remote.CommitAndPush("two tasks");
        await service.StartAsync();
        await service.WaitForRunsAsync(1);
        service.Remote.TakeOffline();
        service.Advance(ServiceHarness.OnePoll);
        await service.WaitForRunsAsync(2);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await NewPageAsync(browser);
        await page.GotoAsync(service.App.BaseAddress.ToString());
        await page.WaitForSelectorAsync("body[data-loaded=true]");

        var runs = page.Locator("#runs tbody tr");
        Assert.Equal(["error", "fine"], await runs.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.verdict)"));
        Assert.Contains("run-error", await runs.First.GetAttributeAsync("class") ?? "", StringComparison.Ordinal);
        Assert.Equal("run-fine", await runs.Nth(1).GetAttributeAsync("class")); // not highlighted
        Assert.StartsWith("获取仓库失败(无法连接仓库):", await runs.First.Locator("td[data-outside]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("失败", await runs.First.Locator(".verdict").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("run-error", await page.Locator("#last-run").GetAttributeAsync("class") ?? "", StringComparison.Ordinal);

        // git's own words stay as git said them, inside the Chinese banner; the page's own text is Chinese.
        Assert.StartsWith("获取仓库失败,继续使用上一个成功的版本:", await page.Locator("#fetch-error").InnerTextAsync(), StringComparison.Ordinal);
        var english = await page.EvaluateAsync<string[]>(OwnTextInLatinLetters);
        Assert.True(english.Length == 0, "English in the page's own text: " + string.Join(" | ", english));
    }

    [ChromiumFact]
    public async Task StatusPage_WithoutAnyChineseFont_SaysSoInEnglishAndNamesTheFontPackages()
    {
        await using var service = await ServiceHarness.CreateAsync();
        service.AddTasks(1);
        service.Remote.CommitAndPush("one task");
        await service.StartAsync();
        await service.WaitForRunsAsync(1);

        // A viewer's machine with Latin fonts only: fontconfig told to know DejaVu alone (or no font at all).
        using var fonts = new TestDirectory("fonts");
        var latin = Directory.Exists("/usr/share/fonts/truetype/dejavu") ? "<dir>/usr/share/fonts/truetype/dejavu</dir>" : "";
        File.WriteAllText(fonts.Combine("fonts.conf"), $"<?xml version=\"1.0\"?><fontconfig>{latin}<cachedir>{fonts.Combine("cache")}</cachedir></fontconfig>");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.ExecutablePath,
            Headless = true,
            Args = ChromiumFlags,
            Timeout = 60_000,
            Env = new Dictionary<string, string> { ["FONTCONFIG_FILE"] = fonts.Combine("fonts.conf") },
        });
        var page = await NewPageAsync(browser);
        await page.GotoAsync(service.App.BaseAddress.ToString());
        await page.WaitForSelectorAsync("body[data-loaded=true]");

        var banner = page.Locator("#font-missing");
        Assert.True(await banner.IsVisibleAsync(), "the banner shows without a CJK font");
        Assert.Contains("No Chinese font on this machine", await banner.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("fonts-noto-cjk or fonts-wqy-zenhei", await banner.InnerTextAsync(), StringComparison.Ordinal);
    }

    /// <summary>The page's own text (not ids, paths, names or messages from outside) that holds a word in Latin letters.</summary>
    private const string OwnTextInLatinLetters = """
        () => {
          const found = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const parent = node.parentElement;
            if (!parent || parent.closest(".mono, [data-outside], #font-missing, .hidden, script, style")) continue;
            if (/[A-Za-z]{3,}/.test(node.textContent)) found.push(node.textContent.trim());
          }
          return found;
        }
        """;

    private static Task<string> TileCount(IPage page, string filter) => page.Locator($".tile[data-filter={filter}] .n").InnerTextAsync();

    internal static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = ChromiumFactAttribute.ExecutablePath,
        Headless = true,
        Args = ChromiumFlags,
        Timeout = 60_000,
    });

    internal static Task<IPage> NewPageAsync(IBrowser browser) =>
        browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1360, Height = 900 }, Locale = "zh-CN", TimezoneId = "Asia/Shanghai" });

    private static async Task<List<string>> States(IPage page) =>
        [.. await page.Locator("#tasks tbody tr[data-state]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.state)")];
}
