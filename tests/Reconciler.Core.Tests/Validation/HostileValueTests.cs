using Reconciler.Core.Diagnostics;
using Reconciler.Core.Manifests;
using Reconciler.Core.Validation;

namespace Reconciler.Core.Tests.Validation;

/// <summary>
/// Values from issue 20: numbers no check could hold made JsonSchema.Net throw and the whole run abort; identities ending in
/// a line feed passed .NET's reading of <c>^…$</c>; blank names and line ids passed though the platform refuses them.
/// Each now ends as a diagnostic naming the file, and the other files are still planned.
/// </summary>
public sealed class HostileValueTests
{
    [Theory]
    [InlineData("pop_mode", "1e29")]
    [InlineData("pop_mode", "1e400")]
    [InlineData("pop_mode", "-1e400")]
    [InlineData("pop_mode", "79228162514264337593543950336")]
    [InlineData("pop_mode", "1e-400")]
    [InlineData("dial_mode", "1e29")]
    [InlineData("redial_enabled", "1e400")]
    public void Evaluate_NumberBeyondDecimalInAnEnumField_IsADiagnosticNotACrash(string field, string value)
    {
        var yaml = field == "pop_mode"
            ? TestManifests.V2().Replace("pop_mode: 1", $"pop_mode: {value}", StringComparison.Ordinal)
            : TestManifests.V2(extras: $"\n    {field}: {value}");

        var file = TestManifests.Evaluate(yaml, "tasks/huge.yaml");

        var problem = Assert.Single(file.Invalid).Diagnostics.First(d => d.IsError);
        Assert.Equal("tasks/huge.yaml", problem.Location!.File);
        Assert.EndsWith(field, problem.JsonPath, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("is_group_switch", "1e29")]
    [InlineData("is_group_switch", "1e400")]
    public void Evaluate_NumberBeyondDecimalInIsGroupSwitch_NamesTheValue(string field, string value)
    {
        var file = TestManifests.Evaluate(TestManifests.V2(spec: $"\n  {field}: {value}"));

        Assert.Contains(Assert.Single(file.Invalid).Diagnostics, d => d.IsError && d.Message.Contains(value, StringComparison.Ordinal));
    }

    [Fact]
    public void Pipeline_OneFileOfHugeNumbersAmongValidOnes_PlansTheOthers()
    {
        var desired = TestManifests.Desired(
            ("tasks/a.yaml", TestManifests.V2(taskId: "a")),
            ("tasks/huge.yaml", TestManifests.V2(taskId: "huge").Replace("pop_mode: 1", "pop_mode: 1e29", StringComparison.Ordinal)),
            ("tasks/b.yaml", TestManifests.V2(taskId: "b")));

        Assert.Equal(["a", "b"], desired.Tasks.Select(t => t.Identity.TaskId));
        Assert.Equal("tasks/huge.yaml", Assert.Single(desired.Invalid).File);
    }

    [Fact]
    public void Evaluate_ARuleThatThrows_BecomesADiagnosticNamingTheFile()
    {
        var evaluator = new ManifestEvaluator(rules: [new ThrowingRule()]);

        var file = evaluator.Evaluate(ManifestFile.FromText("tasks/boom.yaml", TestManifests.V2()));

        Assert.Empty(file.Tasks);
        var problem = Assert.Single(Assert.Single(file.Invalid).Diagnostics);
        Assert.Equal(("file-check-failed", "tasks/boom.yaml"), (problem.Code, problem.Location!.File));
        Assert.Contains("InvalidOperationException: a defect", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("task_id", "\"3f14f6d4\\n\"")]
    [InlineData("task_id", "|\n    3f14f6d4")]
    [InlineData("user_id", "\"5832d184\\n\"")]
    [InlineData("task_id", "\"3f14\\u00a0\"")]
    [InlineData("task_id", "\"..\\n\"")]
    public void Evaluate_IdentityEndingInALineFeedOrSpace_IsRefusedAsEcma262Reads(string field, string value)
    {
        var yaml = field == "task_id"
            ? TestManifests.V2(taskId: value)
            : TestManifests.V2().Replace(TestManifests.UserId, value, StringComparison.Ordinal);

        var file = TestManifests.Evaluate(yaml);

        Assert.Empty(file.Tasks);
        Assert.Contains(Assert.Single(file.Invalid).Diagnostics, d => d.JsonPath == $"/metadata/{field}");
    }

    [Theory]
    [InlineData("metadata", "\n  sub_user_id: \"5b55bcca\\n\"", "/metadata/sub_user_id")]
    [InlineData("spec", "\n  background_id: \"123\\n\"", "/spec/background_id")]
    [InlineData("extras", "\n    line: [{id: \"a\\tb\", limit: 2}]", "/spec/task_extras/line/0/id")]
    [InlineData("extras", "\n    line: [{id: \"  \", limit: 2}]", "/spec/task_extras/line/0/id")]
    public void Evaluate_ControlCharactersOrBlanksInAnIdField_AreRefused(string where, string text, string pointer)
    {
        var yaml = where switch
        {
            "metadata" => TestManifests.V2(metadata: text),
            "spec" => TestManifests.V2(spec: text),
            _ => TestManifests.V2(extras: text),
        };

        var file = TestManifests.Evaluate(yaml);

        Assert.Contains(Assert.Single(file.Invalid).Diagnostics, d => d.IsError && d.JsonPath == pointer);
    }

    [Theory]
    [InlineData("\"   \"")]
    [InlineData("\"\\t\"")]
    [InlineData("\"\\u3000\"")]
    public void Evaluate_BlankName_IsRefusedAsThePlatformRefusesIt(string name)
    {
        var file = TestManifests.Evaluate(TestManifests.V2(name: name));

        var problem = Assert.Single(Assert.Single(file.Invalid).Diagnostics);
        Assert.Equal(("/spec/name", "must not be empty or only white space (the platform refuses a blank value here)"), (problem.JsonPath, problem.Message));
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("---\n")]
    [InlineData("null\n")]
    public void Evaluate_FileWithNoManifest_IsInvalidNotSilentlySkipped(string yaml)
    {
        var file = TestManifests.Evaluate(yaml, "tasks/emptied.yaml");

        var problem = Assert.Single(Assert.Single(file.Invalid).Diagnostics);
        Assert.Equal(("file-empty", "tasks/emptied.yaml"), (problem.Code, problem.Location!.File));
    }

    private sealed class ThrowingRule : IManifestRule
    {
        public IEnumerable<Diagnostic> Check(ManifestDocument document) => throw new InvalidOperationException("a defect");
    }
}
