using Microsoft.Playwright;
using Reconciler.Core.Manifests;
using Reconciler.Service.Configuration;
using Reconciler.Service.Tests.Support;
using Reconciler.Testing;
using TaskApi.Simulator;
using Xunit;

namespace Reconciler.Service.Tests.Browser;

/// <summary>The status page says a staged rollout halted, with its numbers, in a real headless Chromium.</summary>
[Trait("Category", "Slow")] // a real headless Chromium
public sealed class StatusPageHoldBrowserTests
{
    [ChromiumFact]
    public async Task StatusPage_HaltedRollout_ShowsTheBannerWithTheNumbers()
    {
        await using var service = await ServiceHarness.CreateAsync();
        var refused = service.Simulator.CreateTask(service.Account, TaskFlavour.V2Legacy); // a 新版 body for a 旧版 task: refused
        service.Remote.Write(ServiceManifests.Path(0), ServiceManifests.Valid(refused, "旧版任务"));
        foreach (var i in Enumerable.Range(1, 3))
        {
            service.Remote.Write(ServiceManifests.Path(i), ServiceManifests.Valid(service.Simulator.CreateTask(service.Account), $"外呼任务-{i}"));
        }

        service.Remote.CommitAndPush("four tasks, the first refused");
        await service.StartAsync(new Dictionary<string, string?> { [ServiceSettings.Canary.Key] = "1", [ServiceSettings.HaltOnRejected.Key] = "0" });
        await service.WaitForRunsAsync(1);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await StatusPageBrowserTests.LaunchAsync(playwright);
        var page = await StatusPageBrowserTests.NewPageAsync(browser);
        await page.GotoAsync(service.App.BaseAddress.ToString());
        await page.WaitForSelectorAsync("body[data-loaded=true]");

        var banner = await page.Locator("#hold-note").InnerTextAsync();
        Assert.StartsWith("halted 分批发布已暂停", banner, StringComparison.Ordinal);
        Assert.Contains("第 1/2 批 1 个任务中 1 个被拒绝、0 个失败,超过 --halt-on-rejected 0%;3 个任务没有发送", banner, StringComparison.Ordinal);
        Assert.Contains("reconciler sync --resume", banner, StringComparison.Ordinal);
    }
}
