using Reconciler.Core.Diagnostics;
using Reconciler.Core.Validation;

namespace Reconciler.Core.Tests.Validation;

/// <summary>Integers are sent as written, so only plain digits within 64 bits are accepted wherever the schema says integer.</summary>
public sealed class IntegerRuleTests
{
    [Theory]
    [InlineData("maximumcall: 4.0", "/spec/maximumcall", "integer-form", "write the integer as plain digits, 4")]
    [InlineData("maximumcall: 1e1", "/spec/maximumcall", "integer-form", "plain digits, 10")]
    [InlineData("maximumcall: 4e0", "/spec/maximumcall", "integer-form", "plain digits, 4")]
    [InlineData("maximumcall: 2.5", "/spec/maximumcall", "integer-form", "must be an integer (plain digits), not 2.5")]
    [InlineData("maximumcall: 100000000000000000000000000000000000000000", "/spec/maximumcall", "integer-range", "outside the 64-bit integer range")]
    [InlineData("destination_extension: 1e400", "/spec/destination_extension", "integer-range", "outside the 64-bit integer range")]
    [InlineData("destination_extension: \"99999999999999999999\"", "/spec/destination_extension", "integer-range", "outside the 64-bit integer range")]
    [InlineData("dial_time_id: 1.0e2", "/spec/dial_time_id", "integer-form", "plain digits, 100")]
    [InlineData("is_group_switch: 2.0", "/spec/is_group_switch", "integer-form", "plain digits, 2")]
    [InlineData("elasticity_type: 1.0", "/spec/elasticity_type", "integer-form", "plain digits, 1")]
    public void Evaluate_IntegerWrittenOtherwise_IsOneErrorAtItsPointer(string field, string pointer, string code, string message)
    {
        var evaluation = TestManifests.Evaluate(WithSpecField(field));

        var invalid = Assert.Single(evaluation.Invalid);
        var error = Assert.Single(invalid.Diagnostics, d => d.JsonPath == pointer);
        Assert.Equal(code, error.Code);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pop_mode: 1.0", "/spec/task_extras/pop_mode")]
    [InlineData("redial_interval: 3e1", "/spec/task_extras/redial_interval")]
    [InlineData("line: [{id: a, limit: 2.0}]", "/spec/task_extras/line/0/limit")]
    [InlineData("redial_conditions: {da_status: [2, 3.0]}", "/spec/task_extras/redial_conditions/da_status/1")]
    public void Evaluate_NestedIntegerWrittenOtherwise_IsRefused(string extra, string pointer)
    {
        var yaml = TestManifests.V2(extras: "\n    " + extra).Replace("    pop_mode: 1\n    pop_mode: 1.0", "    pop_mode: 1.0", StringComparison.Ordinal);

        var invalid = Assert.Single(TestManifests.Evaluate(yaml).Invalid);

        Assert.Contains(invalid.Diagnostics, d => d.JsonPath == pointer && d.Code == IntegerValues.FormCode);
    }

    [Theory]
    [InlineData("task_id: 1e3")]
    [InlineData("task_id: 1000.0")]
    public void Evaluate_IdWrittenAsAnExponent_IsRefusedAsAnId(string taskId)
    {
        var yaml = TestManifests.V2().Replace("task_id: " + TestManifests.TaskId, taskId, StringComparison.Ordinal);

        var invalid = Assert.Single(TestManifests.Evaluate(yaml).Invalid);

        Assert.Equal(IntegerValues.FormCode, Assert.Single(invalid.Diagnostics).Code);
    }

    [Theory]
    [InlineData("destination_extension: 215870475195883520")]
    [InlineData("destination_extension: \"215870475195883520\"")]
    [InlineData("destination_extension: 9223372036854775807")]
    [InlineData("maximumcall: 0x10")]
    public void Evaluate_PlainIntegers_AreAcceptedAndSentExactly(string field)
    {
        var evaluation = TestManifests.Evaluate(WithSpecField(field));

        Assert.True(evaluation.Invalid.Count == 0, string.Join("\n", evaluation.Invalid.SelectMany(i => i.Diagnostics)));
        var task = evaluation.Tasks.Single();

        var expected = field.Split(": ")[1].Replace("0x10", "16", StringComparison.Ordinal);
        Assert.Contains($":{expected}", task.Body.Json, StringComparison.Ordinal);
    }

    [Fact]
    public void IntegerPositions_CoverEveryIntegerTheSchemaNames()
    {
        var positions = Core.Validation.SchemaCatalog.Default.IntegerPositions;

        Assert.Empty(positions.Unnamed);
        Assert.Contains("/spec/maximumcall", positions.Integers);
        Assert.Contains("/metadata/task_id", positions.Integers);
        Assert.Contains("/spec/task_extras/line/#/limit", positions.Integers);
        Assert.Contains("/spec/task_extras/pop_mode", positions.Integers);
        Assert.Contains("/spec/new_call_rules/#/rule_id", positions.Integers);
        Assert.Contains("/spec/task_extras/destination_extension_multi_config/list/#/destination_extension", positions.DigitStrings);
        Assert.DoesNotContain("/spec/name", positions.Integers);
    }

    [Fact]
    public void Evaluate_NumberWhereNoIntegerIsExpected_IsLeftToTheSchema()
    {
        var invalid = Assert.Single(TestManifests.Evaluate(TestManifests.V2(spec: "\n  remark: 4.5")).Invalid);

        Assert.Equal("schema", Assert.Single(invalid.Diagnostics).Code);
    }

    [Fact]
    public void Read_StringWhereARuleNeedsAnInteger_IsADiagnosticNotASkip()
    {
        var invalid = Assert.Single(TestManifests.Evaluate(TestManifests.V2(spec: "\n  is_group_switch: \"2\"")).Invalid);

        var error = Assert.Single(invalid.Diagnostics);
        Assert.Equal((IntegerValues.TypeCode, Severity.Error), (error.Code, error.Severity));
    }

    /// <summary>The valid manifest with one spec field set (replaced where the manifest has it, added otherwise).</summary>
    private static string WithSpecField(string field)
    {
        var key = field[..field.IndexOf(':', StringComparison.Ordinal)];
        var lines = TestManifests.V2().Split('\n').ToList();
        var at = lines.FindIndex(l => l.StartsWith($"  {key}:", StringComparison.Ordinal));
        if (at >= 0)
        {
            lines[at] = "  " + field;
        }
        else
        {
            lines.Insert(lines.FindIndex(l => l.StartsWith("  task_extras:", StringComparison.Ordinal)), "  " + field);
        }

        return string.Join('\n', lines);
    }
}
