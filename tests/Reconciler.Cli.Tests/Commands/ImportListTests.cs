using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Reconciler.Cli.Tests.Support;

namespace Reconciler.Cli.Tests.Commands;

/// <summary>The task list as the vendor documents it: <c>uuid</c> ids, <c>meta</c> paging, the sub-accounts' list, and loud failures.</summary>
public sealed class ImportListTests
{
    [Fact]
    public async Task Import_MainAccount_ImportsItsTasksAndNamesTheSubAccountsItDidNotImport()
    {
        await using var bench = await ImportBench.StartAsync();
        bench.AddTask("main-1");
        bench.AddTask("sub-a-1", subUserId: "sub-A");
        bench.AddTask("sub-a-2", subUserId: "sub-A");
        bench.AddTask("sub-b-1", subUserId: "sub-B\u001B[1m");

        var main = await bench.ImportAsync();
        var sub = await bench.ImportAsync("--sub-user-id", "sub-A");

        Assert.True(main.ExitCode == 0, main.ToString());
        Assert.Contains("Import: 1 written, 1 valid", main.Out, StringComparison.Ordinal);
        Assert.Contains("Sub-accounts: 3 task(s) of the account's sub-accounts were not imported", main.Out, StringComparison.Ordinal);
        Assert.Contains($"--user-id {ImportBench.UserId} --sub-user-id sub-A   (2 task(s))", main.Out, StringComparison.Ordinal);
        Assert.Contains(@"--sub-user-id sub-B\x1B[1m   (1 task(s))", main.Out, StringComparison.Ordinal);
        Assert.True(sub.ExitCode == 0, sub.ToString());
        Assert.Contains("Import: 2 written, 2 valid", sub.Out, StringComparison.Ordinal);
        Assert.Contains("sub_user_id: \"sub-A\"", File.ReadAllText(bench.File("tasks/sub-a-1.yaml")), StringComparison.Ordinal);
        Assert.DoesNotContain("Sub-accounts:", sub.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_ListInAnUndocumentedShape_FailsLoudly()
    {
        await using var bench = await ImportBench.StartAsync();
        bench.AddTask("a");
        bench.Platform.ListHook = async context =>
        {
            await context.Response.WriteAsync("""{"code":200,"status":"success","data":{"rows":[{"id":"a"}]}}""", context.RequestAborted);
            return true;
        };

        var import = await bench.ImportAsync();

        Assert.Equal(1, import.ExitCode);
        Assert.Contains("could not be read whole: page 1 of the task list could not be read: data is an object, not the documented array of tasks", import.Error, StringComparison.Ordinal);
        Assert.Contains("Import: 0 written", import.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_PageLimitReachedBeforeTheLastPage_ImportsWhatWasListedAndSaysWhatWasLeft()
    {
        await using var bench = await ImportBench.StartAsync();
        for (var i = 1; i <= 5; i++)
        {
            bench.AddTask($"p{i}");
        }

        // One task per page, as a platform with a small page size would answer.
        bench.Platform.ListHook = async context =>
        {
            var page = int.Parse(context.Request.Query["page"].ToString(), CultureInfo.InvariantCulture);
            var answer = new JsonObject
            {
                ["code"] = 200,
                ["meta"] = new JsonObject { ["has_pages"] = true, ["total"] = 5, ["last_page"] = 5, ["current_page"] = page, ["per_page"] = "1" },
                ["data"] = new JsonArray(new JsonObject { ["uuid"] = $"p{page}" }),
            };
            await context.Response.WriteAsync(answer.ToJsonString(), context.RequestAborted);
            return true;
        };

        var limited = await bench.ImportAsync("--list-page-limit", "2");

        Assert.Equal(1, limited.ExitCode);
        Assert.Contains("stopped listing after 2 page(s) (--list-page-limit 2) before the platform said the list was done: 2 task(s) of the 5 the platform reports are imported, the rest are not; raise --list-page-limit", limited.Error, StringComparison.Ordinal);
        Assert.Contains("Import: 2 written, 2 valid", limited.Out, StringComparison.Ordinal);
        var all = await bench.ImportAsync();
        Assert.True(all.ExitCode == 0, all.ToString());
        Assert.Contains("Import: 3 written, 3 valid, 0 failed, 2 already present.", all.Out.Replace(" (each read back as exactly the platform's task and body, and checked like plan)", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
