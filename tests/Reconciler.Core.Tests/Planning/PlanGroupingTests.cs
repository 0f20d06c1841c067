using Reconciler.Core.Applying;
using Reconciler.Core.Manifests;
using Reconciler.Core.Normalization;
using Reconciler.Core.Planning;
using Reconciler.Core.Planning.Grouping;
using Reconciler.Core.Rendering;
using Reconciler.Core.State;

namespace Reconciler.Core.Tests.Planning;

/// <summary>Which changes are one group: identical ones (paths, before → after, notes, warnings), from five tasks up.</summary>
public sealed class PlanGroupingTests
{
    [Fact]
    public void Grouping_FourIdenticalUpdates_StayDistinct_FiveMakeAGroup()
    {
        Assert.Empty(PlanGrouping.Of(Updates(4)).Groups);

        var grouped = PlanGrouping.Of(Updates(5));

        var group = Assert.Single(grouped.Groups);
        Assert.Equal(5, group.Count);
        Assert.Empty(grouped.Distinct);
        Assert.Equal(1, group.Number);
        Assert.Same(group, grouped.GroupOf(group.Members[3]));
    }

    [Fact]
    public void Grouping_DifferentAfterValue_IsItsOwnChange()
    {
        var plan = Updates(6, i => i == 2 ? 6 : 4);

        var grouped = PlanGrouping.Of(plan);

        Assert.Equal(5, Assert.Single(grouped.Groups).Count);
        Assert.Equal("t-2", Assert.IsType<PlanEntry>(Assert.Single(grouped.Distinct)).Identity.TaskId);
    }

    [Fact]
    public void Grouping_AdoptionsWithTheSameBodyApartFromName_AreOneGroupWithoutTheName()
    {
        var desired = TestManifests.Desired(Enumerable.Range(0, 6).Select(i => ($"tasks/t{i}.yaml", TestManifests.V2(taskId: $"t-{i}", name: $"任务-{i}"))).ToArray());

        var group = Assert.Single(PlanGrouping.Of(Planner.Plan(desired, new Dictionary<TaskIdentity, AppliedRecord>())).Groups);

        Assert.Equal(PlanAction.Adopt, group.Action);
        Assert.Equal(6, group.Count);
        Assert.DoesNotContain("/name", group.Paths);
        Assert.Contains("/maximumcall", group.Paths);
    }

    [Fact]
    public void Grouping_AdoptionsWithOtherBodies_AreNotGrouped()
    {
        var desired = TestManifests.Desired(Enumerable.Range(0, 6).Select(i => ($"tasks/t{i}.yaml", TestManifests.V2(taskId: $"t-{i}").Replace("dial_time_id: 123", $"dial_time_id: {i + 1}", StringComparison.Ordinal))).ToArray());

        var grouped = PlanGrouping.Of(Planner.Plan(desired, new Dictionary<TaskIdentity, AppliedRecord>()));

        Assert.Empty(grouped.Groups);
        Assert.Equal(6, grouped.Distinct.Count);
    }

    [Fact]
    public void Grouping_RunningTasks_FormTheirOwnGroupWithTheSharedNote()
    {
        var plan = Updates(12);
        var running = new RemoteTaskState(true, "等待执行");
        plan = plan with { Entries = plan.Entries.Select((e, i) => i < 5 ? RemoteStateChecker.WithRemote(e, running) : e).ToList() };

        var groups = PlanGrouping.Of(plan).Groups;

        Assert.Equal([7, 5], groups.Select(g => g.Count));
        Assert.True(groups[1].First.IsBlockedByRunningTask);
        Assert.Contains("blocked: the task detail reads it as running (等待执行)", Assert.Single(PlanText.DeferralNotes(groups[1].First)), StringComparison.Ordinal);
    }

    [Fact]
    public void Grouping_RemovedField_GroupsWithItsSharedWarningOnce()
    {
        var plan = Updates(5, remark: true);

        var group = Assert.Single(PlanGrouping.Of(plan).Groups);
        var warning = Assert.Single(group.Warnings);
        Assert.Equal("field-omitted", warning.Code);

        var markdown = new MarkdownPlanRenderer().Render(plan);
        Assert.DoesNotContain("#### ⚠️ Warnings", markdown, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(markdown, "remark was applied before and is now omitted"));
    }

    [Fact]
    public void Grouping_AccountsAreCountedMostFirst()
    {
        var plan = Updates(7, account: i => i < 5 ? "acct-b" : "acct-a");

        var group = Assert.Single(PlanGrouping.Of(plan).Groups);

        Assert.Equal([new AccountCount("acct-b", 5), new AccountCount("acct-a", 2)], group.Accounts);
        Assert.Equal("7 tasks in 2 accounts", GroupText.Title(group));
    }

    [Fact]
    public void Markdown_GroupValues_AreCodeSpansSoNoValueBecomesMarkup()
    {
        var plan = Updates(5, remarkValue: "<img src=x onerror=alert(1)> @everyone");

        var markdown = new MarkdownPlanRenderer().Render(plan);

        var heading = markdown.Split('\n').Single(l => l.StartsWith("#### ~ group 1", StringComparison.Ordinal));
        Assert.Contains("`spec.remark` added: `\"<img src=x onerror=alert(1)> @everyone\"`", heading, StringComparison.Ordinal);
    }

    /// <summary><paramref name="count"/> tasks, each applied before with maximumcall 2 and now with <paramref name="after"/> (default 4).</summary>
    private static Plan Updates(int count, Func<int, int>? after = null, bool remark = false, string? remarkValue = null, Func<int, string>? account = null)
    {
        var entries = Enumerable.Range(0, count).Select(i =>
        {
            var spec = remarkValue is null ? "" : $"\n  remark: '{remarkValue}'";
            return ($"tasks/t{i}.yaml", TestManifests.V2(taskId: $"t-{i}", name: $"任务-{i}", spec: spec).Replace("maximumcall: 2", $"maximumcall: {after?.Invoke(i) ?? 4}", StringComparison.Ordinal));
        }).ToArray();
        var desired = TestManifests.Desired(entries);
        var applied = desired.Tasks.ToDictionary(t => t.Identity, t =>
        {
            var json = t.Body.Json.Replace($"\"maximumcall\":{after?.Invoke(int.Parse(t.Identity.TaskId[2..], System.Globalization.CultureInfo.InvariantCulture)) ?? 4}", "\"maximumcall\":2", StringComparison.Ordinal);
            json = remark ? json.Replace("\"name\":", "\"remark\":\"旧备注\",\"name\":", StringComparison.Ordinal) : json;
            json = remarkValue is null ? json : json.Replace($",\"remark\":{System.Text.Json.JsonSerializer.Serialize(remarkValue, Json.CanonicalJson.Compact)}", "", StringComparison.Ordinal);
            return new AppliedRecord(t.Identity, CanonicalBody.FromJson(json), t.File, null, PlanScenario.AppliedAt);
        });
        var plan = Planner.Plan(desired, applied);
        return account is null ? plan : plan with
        {
            Entries = plan.Entries.Select((e, i) => e with { Identity = new TaskIdentity(account(i), e.Identity!.TaskId) }).ToList(),
        };
    }
}
