using System.Text.Json.Nodes;
using Reconciler.Core.Importing;
using Reconciler.Core.Manifests;
using Reconciler.Core.Normalization;
using Reconciler.Core.Tests.TaskSets;

namespace Reconciler.Core.Tests.Importing;

/// <summary>Imported tasks factored into a set: the shared fields in the template, the differences as items, and each task read back exactly.</summary>
public sealed class TaskSetFactoringTests
{
    private const string UserId = "5832d184-dd53-42a0-8ace-0bf8d660f4cc";

    private static ImportedTask Task(int i, string? subUser = null, Action<JsonObject>? change = null)
    {
        var lines = new JsonArray(new JsonObject { ["id"] = "d47c3599-f166-4cd0-999c-f60e46814d26", ["limit"] = 2 });
        if (i % 2 == 1)
        {
            lines.Add(new JsonObject { ["id"] = "0b7e1c56-2f0d-4c59-9d0c-5d3c1f2a9e11", ["limit"] = 2 });
        }

        var spec = new JsonObject
        {
            ["name"] = $"信用卡逾期提醒-{i}",
            ["destination_extension"] = JsonNode.Parse("215870475195883520"),
            ["maximumcall"] = 2 * (1 + (i % 2)),
            ["dial_time_id"] = "123",
            ["task_extras"] = new JsonObject
            {
                ["start_time"] = $"2026-12-{10 + (i % 5)} 09:00:00",
                ["stop_time"] = "2027-12-25 23:59:59",
                ["pop_mode"] = 1,
                ["holiday"] = new JsonArray(),
                ["line"] = lines,
                ["redial_conditions"] = new JsonObject { ["da_status"] = new JsonArray(2, 3) },
            },
        };
        change?.Invoke(spec);
        return new ImportedTask(new TaskIdentity(UserId, $"t-{i:000}"), subUser, ApiFlavour.V2, spec, [], []);
    }

    /// <summary>Writes the set as import does, evaluates it as plan does, and checks every task's body against what was imported.</summary>
    private static (FactoredSet Set, string Yaml, string? Csv) RoundTrip(IReadOnlyList<ImportedTask> tasks, int minimumRows = 6)
    {
        var set = TaskSetFactoring.Factor(tasks);
        var (csv, inline) = TaskSetCsv.Split(set, minimumRows);
        var yaml = TaskSetYaml.Write(set, "imported", "../schemas/taskset.schema.json", "test", csv is null ? null : "imported.csv", inline);
        var desired = TaskSetFixtures.Evaluate([("tasks/imported.yaml", yaml)], csv is null ? [] : [("tasks/imported.csv", csv)]);

        Assert.True(desired.Invalid.Count == 0, string.Join("\n", desired.Invalid.SelectMany(i => i.Diagnostics)) + "\n" + yaml + "\n" + csv);
        Assert.Equal(tasks.Count, desired.Tasks.Count);
        foreach (var task in tasks)
        {
            Assert.Equal(BodyNormalizer.Normalize(task.Spec, task.SubUserId), desired.Tasks.Single(t => t.Identity == task.Identity).Body);
        }

        return (set, yaml, csv);
    }

    [Fact]
    public void Factor_SharedFieldsGoToTheTemplateAndDifferencesToTheItems()
    {
        var (set, _, csv) = RoundTrip([.. Enumerable.Range(0, 12).Select(i => Task(i))]);

        Assert.Equal(["destination_extension", "dial_time_id", "task_extras"], set.Template.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(["holiday", "pop_mode", "redial_conditions", "stop_time"], set.Template["task_extras"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(["line", "start_time"], set.Items[0].Spec["task_extras"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.NotNull(csv);
        Assert.StartsWith("task_id,name,maximumcall,task_extras.start_time,task_extras.line\n", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void Factor_FewTasks_AreWrittenInline()
    {
        var (_, yaml, csv) = RoundTrip([Task(0), Task(1), Task(2)]);

        Assert.Null(csv);
        Assert.Contains("  items:\n    - task_id: \"t-000\"\n", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Factor_AFieldSomeTasksLack_StaysInTheirItems()
    {
        var (set, _, _) = RoundTrip([.. Enumerable.Range(0, 8).Select(i => Task(i, change: s => { if (i % 3 == 0) { s["remark"] = "备注"; } }))]);

        Assert.False(set.Template.ContainsKey("remark"));
    }

    [Fact]
    public void Factor_ValuesACellCannotHold_StayInline()
    {
        // A digit-string id where the schema also takes an integer (one task only: a differing id shared by all would
        // put every item inline), an empty string, text with commas, quotes and a newline.
        var tasks = Enumerable.Range(0, 10).Select(i => Task(i, change: s =>
        {
            if (i == 4)
            {
                s["background_id"] = "456";
            }

            s["remark"] = i switch { 5 => "", 6 => "逗号, \"引号\"\n换行", _ => $"备注{i}" };
        })).ToList();

        var (_, yaml, csv) = RoundTrip(tasks);

        Assert.NotNull(csv);
        Assert.Contains("\"逗号, \"\"引号\"\"\n换行\"", csv, StringComparison.Ordinal);
        Assert.Contains("- task_id: \"t-004\"", yaml, StringComparison.Ordinal); // "456" would read back as 456
        Assert.Contains("- task_id: \"t-005\"", yaml, StringComparison.Ordinal); // a blank cell means "not set"
        Assert.DoesNotContain("t-004", csv, StringComparison.Ordinal);
        Assert.Contains("itemsFrom: \"imported.csv\"", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Factor_SubAccounts_SharedOnesGoToTheSetAndOthersToTheItems()
    {
        var (shared, sharedYaml, _) = RoundTrip([Task(0, "sub-1"), Task(1, "sub-1")]);
        var (mixed, _, mixedCsv) = RoundTrip([.. Enumerable.Range(0, 8).Select(i => Task(i, i % 2 == 0 ? "sub-a" : null))]);

        Assert.Equal("sub-1", shared.SubUserId);
        Assert.Contains("  sub_user_id: \"sub-1\"\n", sharedYaml, StringComparison.Ordinal);
        Assert.Null(mixed.SubUserId);
        Assert.StartsWith("task_id,sub_user_id,", mixedCsv, StringComparison.Ordinal);
    }

    [Fact]
    public void Factor_IdenticalTasks_HaveEmptyItems()
    {
        var (set, _, _) = RoundTrip([Task(0, change: s => s["name"] = "同名"), Task(10, change: s => s["name"] = "同名")]);

        Assert.All(set.Items, i => Assert.Empty(i.Spec));
    }

    /// <summary>
    /// Seeded variations of every kind the factoring must keep exact: fields some tasks lack, a field that is an integer
    /// in one task and a digit string in another, text a CSV must quote or cannot hold, objects shared in part, lists
    /// equal or not, sub-accounts shared or not. Each seed's tasks must read back exactly, through a CSV or inline.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void Factor_SeededVariations_ReadBackExactly(int seed)
    {
        var random = new Random(seed);
        string[] remarks = ["", "备注", "逗号, 分隔", "\"引号\"", "换行\n第二行", " 前后空格 ", "42", "[不是 JSON", "{"];
        JsonNode?[] ids = [7, "456", "007", JsonNode.Parse("215870475195883520")];
        var sharedSubUser = random.Next(2) == 0 ? "sub-shared" : null;
        var tasks = Enumerable.Range(0, random.Next(1, 40)).Select(i => Task(i, sharedSubUser ?? (random.Next(3) == 0 ? $"sub-{random.Next(3)}" : null), s =>
        {
            var extras = s["task_extras"]!.AsObject();
            if (random.Next(3) == 0)
            {
                s["remark"] = remarks[random.Next(remarks.Length)];
            }

            if (random.Next(2) == 0)
            {
                s["background_id"] = ids[random.Next(ids.Length)]?.DeepClone();
            }

            if (random.Next(4) == 0)
            {
                s["dial_time_id"] = 123;
            }

            if (random.Next(3) == 0)
            {
                extras["redial_interval"] = random.Next(0, 61);
            }

            if (random.Next(5) == 0)
            {
                extras.Remove("redial_conditions");
            }
            else if (random.Next(4) == 0)
            {
                extras["redial_conditions"] = new JsonObject { ["da_status"] = new JsonArray(random.Next(2, 5)) };
            }
        })).ToList();

        var (set, _, _) = RoundTrip(tasks);

        Assert.Equal(tasks.Count, set.Items.Count);
    }

    [Fact]
    public void Factor_BothFlavours_IsRefused()
    {
        var legacy = Task(1) with { Flavour = ApiFlavour.V2Legacy };

        var error = Assert.Throws<ArgumentException>(() => TaskSetFactoring.Factor([Task(0), legacy]));

        Assert.StartsWith("the tasks are of both flavours (1 tasks/v2, 1 tasks/v2-legacy)", error.Message, StringComparison.Ordinal);
    }
}
