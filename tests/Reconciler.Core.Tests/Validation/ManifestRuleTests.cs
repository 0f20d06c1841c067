using Reconciler.Core.Diagnostics;

namespace Reconciler.Core.Tests.Validation;

/// <summary>One failing manifest per rule of the API document, checked for the line its diagnostic names.</summary>
public sealed class ManifestRuleTests
{
    private static Diagnostic Find(string yaml, string code)
    {
        var evaluation = TestManifests.Evaluate(yaml);
        var diagnostics = evaluation.Invalid.SelectMany(i => i.Diagnostics).Concat(evaluation.Tasks.SelectMany(t => t.Warnings)).ToList();
        return Assert.Single(diagnostics, d => d.Code == code);
    }

    [Fact]
    public void Evaluate_ValidManifest_IsValid()
    {
        var evaluation = TestManifests.Evaluate(TestManifests.V2());
        Assert.Empty(evaluation.Invalid);
        Assert.Single(evaluation.Tasks);
    }

    [Fact]
    public void MaximumCall_NotDivisibleByLines_IsAnErrorOnItsLine()
    {
        var yaml = TestManifests.V2(extras: """

                line:
                  - {id: a, limit: 2}
                  - {id: b, limit: 2}
                  - {id: c, limit: 2}
            """);
        var diagnostic = Find(yaml, "maximumcall-lines");
        Assert.Equal(9, diagnostic.Location!.Line);
        Assert.Equal("/spec/maximumcall", diagnostic.JsonPath);
        Assert.True(diagnostic.IsError);
    }

    [Fact]
    public void MaximumCall_ShareAboveLineLimit_IsAWarning()
    {
        var yaml = TestManifests.V2(extras: """

                line:
                  - {id: a, limit: 1}
            """);
        var diagnostic = Find(yaml, "maximumcall-line-limit");
        Assert.False(diagnostic.IsError);
        Assert.Equal(16, diagnostic.Location!.Line);
    }

    [Fact]
    public void MaximumCall_LegacyLineIds_AreCounted()
    {
        var yaml = TestManifests.Legacy(spec: "", extras: """

                line: [a, b]
            """).Replace("maximumcall: 1", "maximumcall: 3", StringComparison.Ordinal);
        Assert.Equal(9, Find(yaml, "maximumcall-lines").Location!.Line);
    }

    [Fact]
    public void TimeWindow_BeginAfterEnd_IsAnError()
    {
        var yaml = TestManifests.V2(spec: "\n  is_group_switch: 1", extras: """

                destination_extension_list:
                  - {begin: "12:00", end: "09:00", destination_extension: 1}
            """);
        Assert.Equal(17, Find(yaml, "time-window").Location!.Line);
    }

    [Fact]
    public void TimeWindow_Overlapping_IsAnErrorOnTheLaterEntry()
    {
        var yaml = TestManifests.V2(spec: "\n  is_group_switch: 1", extras: """

                destination_extension_list:
                  - {begin: "09:00", end: "12:00", destination_extension: 1}
                  - {begin: "11:30", end: "14:00", destination_extension: 2}
            """);
        var diagnostic = Find(yaml, "time-window-overlap");
        Assert.Equal(18, diagnostic.Location!.Line);
        Assert.Equal("/spec/task_extras/destination_extension_list/1/begin", diagnostic.JsonPath);
    }

    [Fact]
    public void TimeWindow_MalformedClock_IsAnError()
    {
        var yaml = TestManifests.V2(spec: "\n  is_group_switch: 1", extras: """

                destination_extension_list:
                  - {begin: "9:00", end: "24:00", destination_extension: 1}
            """);
        var diagnostics = TestManifests.Evaluate(yaml).Invalid.SelectMany(i => i.Diagnostics).Where(d => d.Code == "time-window").ToList();
        Assert.Equal(2, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.Equal(17, d.Location!.Line));
    }

    [Fact]
    public void TimeWindow_LegacyGroupSwitchRuleOverlap_IsAnError()
    {
        var yaml = TestManifests.Legacy(spec: """

              group_switch_rule:
                - {switch_start: "09:00", switch_end: "12:00", group_id: 1, default_group_id: 2}
                - {switch_start: "10:00", switch_end: "11:00", group_id: 3, default_group_id: 2}
            """);
        Assert.Equal(13, Find(yaml, "time-window-overlap").Location!.Line);
    }

    [Fact]
    public void EndAction_WithElasticity_IsAnError()
    {
        var yaml = TestManifests.V2(spec: "\n  end_action: 1\n  elasticity_type: true");
        Assert.Equal(11, Find(yaml, "end-action-elasticity").Location!.Line);
    }

    [Fact]
    public void EndActionZero_WithElasticity_IsValidBecauseTheVendorDefinesZeroAsNoAction()
    {
        var evaluation = TestManifests.Evaluate(TestManifests.V2(spec: "\n  end_action: 0\n  elasticity_type: true"));
        Assert.Empty(evaluation.Invalid);
        Assert.Empty(evaluation.Tasks.Single().Warnings);
    }

    [Fact]
    public void EndAction_WithElasticityFalse_IsValid()
    {
        Assert.Empty(TestManifests.Evaluate(TestManifests.V2(spec: "\n  end_action: 1\n  elasticity_type: false")).Invalid);
    }

    [Theory]
    [InlineData(1, "destination_extension_list", false)]
    [InlineData(2, "destination_extension_with_variable_list", true)]
    [InlineData(3, "destination_extension_multi_config", false)]
    public void GroupSwitch_WithoutItsList_IsAnErrorOnlyWhereTheDocumentRequiresIt(int mode, string list, bool error)
    {
        var diagnostic = Find(TestManifests.V2(spec: $"\n  is_group_switch: {mode}"), "group-switch-list");
        Assert.Equal(11, diagnostic.Location!.Line);
        Assert.Contains(list, diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(error, diagnostic.IsError);
    }

    [Fact]
    public void GroupSwitch_ListOfAnotherMode_IsNotFlagged()
    {
        // The document's own cURL example sends the variable list with is_group_switch 1, and says the variable
        // list applies whenever a number's variable matches: calling it ignored would be our claim, not its.
        var yaml = TestManifests.V2(spec: "\n  is_group_switch: 1", extras: """

                destination_extension_list:
                  - {begin: "09:00", end: "12:00", destination_extension: 1}
                destination_extension_with_variable_list:
                  - {mode: 1, values: [男], destination_extension: 11, sort: 1}
            """);
        var evaluation = TestManifests.Evaluate(yaml);
        Assert.Empty(Assert.Single(evaluation.Tasks).Warnings);
    }

    [Fact]
    public void Period_StartAfterStop_IsAnErrorOnStopTime()
    {
        var yaml = TestManifests.V2().Replace("2027-12-25 23:59:59", "2025-01-01 00:00:00", StringComparison.Ordinal);
        var diagnostic = Find(yaml, "period-order");
        Assert.Equal(13, diagnostic.Location!.Line);
        Assert.Equal("/spec/task_extras/stop_time", diagnostic.JsonPath);
    }

    [Fact]
    public void Period_SlashDateFormatFromTheDocument_IsAccepted()
    {
        var yaml = TestManifests.V2().Replace("2026-12-23 19:00:00", "2026/11/1 13:25", StringComparison.Ordinal);
        Assert.Empty(TestManifests.Evaluate(yaml).Invalid);
    }

    [Fact]
    public void Holiday_EndBeforeBegin_IsAnError()
    {
        var yaml = TestManifests.V2(extras: """

                holiday:
                  - {begin: "2026-12-03 13:25", end: "2026-12-01 13:25"}
            """);
        Assert.Equal(16, Find(yaml, "period-order").Location!.Line);
    }

    [Theory]
    [InlineData("12:00:00")]
    [InlineData("09:59:59")]
    [InlineData("22:00:01")]
    public void RecallTime_OutsideAllowedRanges_IsAnError(string time)
    {
        var yaml = TestManifests.Legacy(spec: $"""

              new_call_rules:
                - {"{"}re_call_time: "{time}", call_interval: 60, rule_id: 15486{"}"}
            """);
        Assert.Equal(12, Find(yaml, "recall-time").Location!.Line);
    }

    [Theory]
    [InlineData("10:00:00")]
    [InlineData("11:00:00")]
    [InlineData("13:00:00")]
    [InlineData("22:00:00")]
    public void RecallTime_InsideAllowedRanges_IsValid(string time)
    {
        var yaml = TestManifests.Legacy(spec: $"""

              new_call_rules:
                - {"{"}re_call_time: "{time}", call_interval: 60, rule_id: 15486{"}"}
            """);
        Assert.DoesNotContain(TestManifests.Evaluate(yaml).Invalid.SelectMany(i => i.Diagnostics), d => d.Code == "recall-time");
    }

    [Fact]
    public void SubUserId_InSpec_IsAnError()
    {
        Assert.Equal(11, Find(TestManifests.V2(spec: "\n  sub_user_id: abc"), "sub-user-placement").Location!.Line);
    }

    [Fact]
    public void DuplicateIdentity_AcrossFiles_MakesBothInvalid()
    {
        var desired = TestManifests.Desired(("tasks/a.yaml", TestManifests.V2()), ("tasks/b.yaml", TestManifests.V2(name: "another")));
        Assert.Empty(desired.Tasks);
        Assert.Equal(2, desired.Invalid.Count);
        Assert.All(desired.Invalid, i =>
        {
            var diagnostic = Assert.Single(i.Diagnostics, d => d.Code == "duplicate-identity");
            Assert.Equal(5, diagnostic.Location!.Line);
        });
        Assert.Contains("tasks/b.yaml:5", desired.Invalid[0].Diagnostics.Single(d => d.Code == "duplicate-identity").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_OneBadDocument_DoesNotStopTheOthers()
    {
        var yaml = TestManifests.V2(taskId: "t1") + "\n---\n" + TestManifests.V2(taskId: "t2", spec: "\n  end_action: 1\n  elasticity_type: true") + "\n---\n" + TestManifests.V2(taskId: "t3");
        var evaluation = TestManifests.Evaluate(yaml);
        Assert.Equal(["t1", "t3"], evaluation.Tasks.Select(t => t.Identity.TaskId));
        Assert.Equal("t2", Assert.Single(evaluation.Invalid).Identity!.TaskId);
    }
}
