using Reconciler.Core.Diagnostics;
using Reconciler.Core.Validation;

namespace Reconciler.Core.Tests.TaskSets;

/// <summary>Problems are reported where they are: at the item (its YAML or its CSV cell), the template's place named when it supplied the value; set and template problems once.</summary>
public sealed class TaskSetDiagnosticsTests
{
    private static DesiredState Inline(string template = "", string items = "", string metadata = "", string spec = "") =>
        TaskSetFixtures.Evaluate([("tasks/east.yaml", TaskSetFixtures.Inline(template, items, metadata, spec))]);

    private static DesiredState Csv(string csv, string template = "", string metadata = "") =>
        TaskSetFixtures.Evaluate([("tasks/east.yaml", TaskSetFixtures.FromCsv(template: template, metadata: metadata))], [("tasks/east.csv", csv)]);

    private static string Lines(DesiredState desired) =>
        string.Join("\n", desired.Invalid.SelectMany(i => i.Diagnostics).Select(d => d.ToString()));

    [Fact]
    public void InlineItem_WrongValue_IsReportedAtTheItemsOwnLineAndColumn()
    {
        var desired = Inline(items: "\n    - task_id: t-003\n      spec: {maximumcall: 0}");

        var invalid = Assert.Single(desired.Invalid);
        Assert.Equal("tasks/east.yaml:25:27: error: must be at least 1 (/spec/maximumcall)", Assert.Single(invalid.Diagnostics).ToString());
        Assert.Equal(new SourceLocation("tasks/east.yaml", 24, 7), invalid.Location);
        Assert.Equal("t-003", invalid.Identity?.TaskId);
        Assert.Equal("collections-east", invalid.Set?.Name);
        Assert.Equal(2, desired.Tasks.Count); // the other items are still planned
    }

    [Fact]
    public void InlineItem_ErrorInAValueFromTheTemplate_IsAtTheItemAndNamesTheTemplatesLine()
    {
        // Two lines, maximumcall 30 from the template: 30 divides by 2. Three lines: it does not, and the item is at fault.
        var lines = "[{id: a, limit: 10}, {id: b, limit: 10}, {id: c, limit: 10}, {id: d, limit: 10}]";
        var desired = Inline(items: $"\n    - task_id: t-003\n      spec:\n        task_extras: {{line: {lines}}}");

        var error = Assert.Single(Assert.Single(desired.Invalid).Diagnostics);
        Assert.Equal(new SourceLocation("tasks/east.yaml", 24, 7), error.Location);
        Assert.Equal("/spec/maximumcall", error.JsonPath);
        Assert.EndsWith("(see the template at tasks/east.yaml:12:18)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InlineItem_MissingRequiredField_IsAtTheItem()
    {
        var template = "\n    remark: 无";
        var desired = TaskSetFixtures.Evaluate([("tasks/east.yaml", TaskSetFixtures.Inline(template: template).Replace("    dial_time_id: 9\n", "", StringComparison.Ordinal))]);

        // The template may leave dial_time_id to the items; the items here do not give it: each is invalid, at itself.
        Assert.Equal(2, desired.Invalid.Count);
        Assert.All(desired.Invalid, i => Assert.Contains(i.Diagnostics, d => d.Message.StartsWith("missing required field 'dial_time_id'", StringComparison.Ordinal) && d.Location!.Line > i.Location.Line && d.Location.Column == 7));
    }

    [Fact]
    public void TemplateError_IsReportedOnceNotPerItem()
    {
        var rows = string.Concat(Enumerable.Range(0, 50).Select(i => $"t-{i},名称{i}\n"));
        var desired = Csv("task_id,name\n" + rows, template: "\n      redial_interval: 61");

        var invalid = Assert.Single(desired.Invalid);
        Assert.Empty(desired.Tasks);
        Assert.Null(invalid.Identity);
        Assert.Equal("collections-east", invalid.Set?.Name);
        Assert.Equal("tasks/east.yaml:16:24: error: must be at most 60 (/spec/template/task_extras/redial_interval)", Assert.Single(invalid.Diagnostics).ToString());
        Assert.Contains("tasks/east.yaml", desired.UnreadableFiles); // nothing recorded from the set is unmanaged
    }

    [Fact]
    public void TemplateIntegerWrittenWrongly_IsReportedOnceAtTheTemplate()
    {
        var desired = TaskSetFixtures.Evaluate([("tasks/east.yaml", TaskSetFixtures.Inline().Replace("maximumcall: 30", "maximumcall: 30.0", StringComparison.Ordinal))]);

        var invalid = Assert.Single(desired.Invalid);
        var error = Assert.Single(invalid.Diagnostics, d => d.Code.StartsWith("integer-", StringComparison.Ordinal));
        Assert.Equal(new SourceLocation("tasks/east.yaml", 12, 18), error.Location);
        Assert.Equal("/spec/template/maximumcall", error.JsonPath);
    }

    [Fact]
    public void TemplateUnknownField_SaysDidYouMeanOnce()
    {
        var desired = Inline(template: "\n    maximumcal: 3");

        Assert.Equal("tasks/east.yaml:17:5: error: unknown field 'maximumcal' (did you mean 'maximumcall'?) (/spec/template/maximumcal)", Lines(desired));
    }

    [Fact]
    public void TemplateMayLeaveRequiredFieldsToItems()
    {
        var desired = TaskSetFixtures.Evaluate([("tasks/east.yaml", """
            apiVersion: tasks/v2
            kind: TaskSet
            metadata: {name: partial, user_id: u-1}
            spec:
              template:
                task_extras: {pop_mode: 0}
              items:
                - task_id: t-1
                  spec:
                    name: 甲
                    destination_extension: 1
                    dial_time_id: 2
                    maximumcall: 3
                    task_extras: {start_time: "2026-12-01 09:00:00", stop_time: "2027-12-01 18:00:00"}
            """)]);

        Assert.Empty(desired.Invalid);
        Assert.Contains("\"pop_mode\":0", Assert.Single(desired.Tasks).Body.Json, StringComparison.Ordinal);
    }

    [Fact]
    public void Set_Invalid_IsOneEntry()
    {
        var desired = TaskSetFixtures.Evaluate([("tasks/east.yaml", TaskSetFixtures.Inline().Replace("name: collections-east", "name: 9 lives", StringComparison.Ordinal))]);

        var invalid = Assert.Single(desired.Invalid);
        Assert.Equal("tasks/east.yaml:4:9: error: must start with a letter and contain only letters, digits, '-', '_' or '.' (at most 100 characters) (/metadata/name)", Assert.Single(invalid.Diagnostics).ToString());
    }

    [Fact]
    public void Set_WithoutItems_SaysWhatItNeeds()
    {
        var desired = TaskSetFixtures.Evaluate([("tasks/east.yaml", TaskSetFixtures.FromCsv().Replace("  itemsFrom: east.csv", "", StringComparison.Ordinal))]);

        Assert.Contains("needs items, itemsFrom (a CSV file), or both (/spec)", Lines(desired), StringComparison.Ordinal);
    }

    [Fact]
    public void InlineItem_UnknownKeyAndMissingTaskId_AreAtTheItem()
    {
        var desired = Inline(items: "\n    - tsk_id: t-003");

        var invalid = Assert.Single(desired.Invalid);
        // One typo, one error: the unknown field with the suggestion first, and the missing field it stands for.
        Assert.Equal(
            "tasks/east.yaml:24:7: error: unknown field 'tsk_id' — did you mean 'task_id'? (required field 'task_id' is missing) (/spec/items/2/tsk_id)",
            Assert.Single(invalid.Diagnostics).ToString());
    }

    [Fact]
    public void CsvCell_WrongValue_IsAtItsRowAndColumn()
    {
        var desired = Csv("task_id,name,maximumcall\nt-1,甲,20\nt-2,乙,0\n");

        var invalid = Assert.Single(desired.Invalid);
        Assert.Equal("tasks/east.csv:3:7: error: must be at least 1 (/spec/maximumcall)", Assert.Single(invalid.Diagnostics).ToString());
        Assert.Equal(new SourceLocation("tasks/east.csv", 3, 1), invalid.Location);
        Assert.Equal("t-2", invalid.Identity?.TaskId);
        Assert.Equal("tasks/east.yaml", invalid.File);
    }

    [Fact]
    public void CsvRow_ErrorInATemplateValue_IsAtTheRowAndNamesTheTemplate()
    {
        var desired = Csv("task_id,task_extras.line\nt-1,\"[{\"\"id\"\": \"\"a\"\", \"\"limit\"\": 10}, {\"\"id\"\": \"\"b\"\", \"\"limit\"\": 10}, {\"\"id\"\": \"\"c\"\", \"\"limit\"\": 10}, {\"\"id\"\": \"\"d\"\", \"\"limit\"\": 10}]\"\n");

        var error = Assert.Single(Assert.Single(desired.Invalid).Diagnostics);
        Assert.Equal(new SourceLocation("tasks/east.csv", 2, 1), error.Location);
        Assert.EndsWith("(see the template at tasks/east.yaml:11:18)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CsvCell_TypedBySchema()
    {
        // maximumcall is an integer; dial_time_id an id (integer or digit string): 007 stays text; remark is text: 42 stays "42".
        var desired = Csv("task_id,maximumcall,dial_time_id,remark,task_extras.redial_enabled\nt-1,20,007,42,true\nt-2,30,8,,1\n");

        Assert.Empty(desired.Invalid);
        Assert.Contains("\"dial_time_id\":\"007\",\"maximumcall\":20,\"name\":\"信用卡逾期提醒\",\"remark\":\"42\"", desired.Tasks[0].Body.Json, StringComparison.Ordinal);
        Assert.Contains("\"redial_enabled\":true", desired.Tasks[0].Body.Json, StringComparison.Ordinal);
        Assert.Contains("\"dial_time_id\":8,\"maximumcall\":30", desired.Tasks[1].Body.Json, StringComparison.Ordinal);
        Assert.DoesNotContain("remark", desired.Tasks[1].Body.Json, StringComparison.Ordinal); // blank: not set for this item
        Assert.Contains("\"redial_enabled\":1", desired.Tasks[1].Body.Json, StringComparison.Ordinal);
    }

    [Fact]
    public void CsvCell_IntegerWithLeadingZero_IsRefusedAtTheCell()
    {
        var desired = Csv("task_id,maximumcall\nt-1,030\n");

        Assert.Equal("tasks/east.csv:2:5: error: spec.maximumcall must be an integer, not a string (/spec/maximumcall)", Lines(desired));
    }

    [Fact]
    public void CsvCell_BrokenJsonList_IsAtTheCell()
    {
        var desired = Csv("task_id,task_extras.line\nt-1,[{\"\"id\"\": 1\n");

        var error = Assert.Single(Assert.Single(desired.Invalid).Diagnostics);
        Assert.Equal(new SourceLocation("tasks/east.csv", 2, 5), error.Location);
        Assert.StartsWith("column 'task_extras.line': this cell starts like a JSON list but is not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("task_id,maximumcal\nt-1,3\n", "tasks/east.csv:1:9: error: column 'maximumcal': 'maximumcal' is not a field of the task body (did you mean 'maximumcall'?)")]
    [InlineData("task_id,spec.name\nt-1,3\n", "tasks/east.csv:1:9: error: column 'spec.name': 'spec' is not a field of the task body (columns name spec fields without 'spec.', e.g. name or task_extras.start_time)")]
    [InlineData("task_id,task_extras.line.limit\nt-1,3\n", "tasks/east.csv:1:9: error: column 'task_extras.line.limit': 'task_extras.line' is a list: a list is replaced whole, so write all of it as JSON in a column named 'task_extras.line'")]
    [InlineData("task_id,name,name\nt-1,a,b\n", "tasks/east.csv:1:14: error: column 'name' appears twice (first at tasks/east.csv:1:9)")]
    [InlineData("name\n甲\n", "tasks/east.csv:1:1: error: the header has no task_id column: every row needs the id of its task")]
    [InlineData("task_id,task_extras,task_extras.pop_mode\nt-1,,1\n", "tasks/east.csv:1:21: error: column 'task_extras.pop_mode' is inside column 'task_extras' (tasks/east.csv:1:9): write the field once")]
    [InlineData("task_id,new_call_rules\nt-1,[]\n", "tasks/east.csv:1:9: error: column 'new_call_rules': field 'new_call_rules' is not accepted with apiVersion tasks/v2")]
    [InlineData("", "tasks/east.csv:1:1: error: the CSV file is empty: it needs a header row (task_id, then the spec fields the items set) and one row per task")]
    public void CsvHeaderProblem_IsReportedOnceAtTheHeader(string csv, string expected)
    {
        var desired = Csv(csv.Length == 0 ? "" : csv + string.Concat(Enumerable.Range(0, 20).Select(i => $"t-{i},1,1\n")));

        var invalid = Assert.Single(desired.Invalid);
        Assert.Empty(desired.Tasks);
        Assert.Equal(expected, Assert.Single(invalid.Diagnostics).ToString());
    }

    [Fact]
    public void CsvRow_BlankTaskIdOrWrongCellCount_IsThatRowOnly()
    {
        var desired = Csv("task_id,name\nt-1,甲\n,乙\nt-3,丙,extra\n");

        Assert.Single(desired.Tasks);
        Assert.Equal(
            [
                "tasks/east.csv:3:1: error: task_id is blank: every row needs the id of its task",
                "tasks/east.csv:4:1: error: this row has 3 cells; the header has 2",
            ],
            desired.Invalid.SelectMany(i => i.Diagnostics).Select(d => d.ToString()));
        Assert.Equal("t-3", desired.Invalid[1].Identity?.TaskId); // a broken row still claims its task
    }

    [Fact]
    public void ItemsFrom_OutsideTheRoot_IsRefused()
    {
        var desired = TaskSetFixtures.Evaluate([("tasks/east.yaml", TaskSetFixtures.FromCsv("../../etc/passwd.csv"))], [("etc/passwd.csv", "task_id\nx\n")]);

        Assert.Equal("tasks/east.yaml:16:14: error: itemsFrom '../../etc/passwd.csv' leads outside the manifest directory; the CSV must be inside it (relative to this file) (/spec/itemsFrom)", Lines(desired));
    }

    [Fact]
    public void ItemsFrom_UpAndInsideTheRoot_IsRead()
    {
        var desired = TaskSetFixtures.Evaluate([("tasks/east.yaml", TaskSetFixtures.FromCsv("../data/./east.csv"))], [("data/east.csv", "task_id\nt-1\n")]);

        Assert.Empty(desired.Invalid);
        Assert.Equal("data/east.csv", Assert.Single(desired.Tasks).Location.File);
    }

    [Fact]
    public void ItemsFrom_MissingFile_SaysWhichPath()
    {
        var desired = TaskSetFixtures.Evaluate([("tasks/east.yaml", TaskSetFixtures.FromCsv("missing.csv"))]);

        Assert.StartsWith("tasks/east.yaml:16:14: error: itemsFrom 'missing.csv': there is no file 'tasks/missing.csv' in the manifest directory", Lines(desired), StringComparison.Ordinal);
    }

    [Fact]
    public void TemplateWarning_IsShownOnceForTheSet()
    {
        // is_group_switch 1 without its list is a warning (the document requires only the mode-2 list): from the template, once.
        var rows = string.Concat(Enumerable.Range(0, 5).Select(i => $"t-{i}\n"));
        var desired = Csv("task_id\n" + rows, template: "\n    is_group_switch: 1".Replace("\n    is_group_switch", "\n    is_group_switch", StringComparison.Ordinal));

        Assert.Equal(5, desired.Tasks.Count);
        Assert.Single(desired.Tasks.SelectMany(t => t.Warnings));
    }
}
