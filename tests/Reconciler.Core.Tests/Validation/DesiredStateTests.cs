using Reconciler.Core.Diagnostics;
using Reconciler.Core.Loading;
using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;
using Reconciler.Core.State;
using Reconciler.Core.Tests.Planning;
using Reconciler.Core.Validation;

namespace Reconciler.Core.Tests.Validation;

/// <summary>Whole files or nothing, tasks that are never forgotten because we could not read them, and identity conflicts.</summary>
public sealed class DesiredStateTests
{
    private static readonly string Doc1 = TestManifests.V2(taskId: "t1");
    private static readonly string Doc2 = TestManifests.V2(taskId: "t2");

    [Fact]
    public void Evaluate_FileOverTheDocumentLimit_IsInvalidWholeAndStillClaimsItsTasks()
    {
        var evaluator = new ManifestEvaluator(loader: new YamlManifestLoader(new LoaderLimits(MaxDocumentsPerFile: 2)));
        var yaml = string.Join("\n---\n", TestManifests.V2(taskId: "t1"), TestManifests.V2(taskId: "t2"), TestManifests.V2(taskId: "t3"));

        var file = evaluator.Evaluate(ManifestFile.FromText("tasks/many.yaml", yaml));

        Assert.Empty(file.Tasks);
        Assert.Equal(["t1", "t2"], file.Invalid.Where(i => i.Identity is not null).Select(i => i.Identity!.TaskId));
        Assert.All(file.Invalid.Where(i => i.Identity is not null), i => Assert.Contains(i.Diagnostics, d => d.Code == "file-incomplete"));
        Assert.Contains(file.Invalid, i => i.Diagnostics.Any(d => d.Code == "yaml-document-limit"));
    }

    [Fact]
    public void Evaluate_SyntaxErrorAfterAValidDocument_PlansNoDocumentOfTheFile()
    {
        var file = TestManifests.Evaluate(Doc1 + "\n---\nspec: [unclosed\n");

        Assert.Empty(file.Tasks);
        Assert.Equal("t1", file.Invalid.Single(i => i.Identity is not null).Identity!.TaskId);
    }

    [Fact]
    public void Plan_TaskOfAFileWithAnInvalidDocument_IsNeverUnmanaged()
    {
        var t1 = Record("t1", "tasks/a.yaml");
        var broken = TestManifests.Desired(("tasks/a.yaml", TestManifests.V2(taskId: "t2", spec: "\n  end_action: 1\n  elasticity_type: true")));

        var plan = Planner.Plan(broken, new Dictionary<TaskIdentity, AppliedRecord> { [t1.Identity] = t1 });

        Assert.DoesNotContain(plan.Entries, e => e.Action == PlanAction.Unmanage);
    }

    [Fact]
    public void Plan_TaskBelowAnUnreadableDirectory_IsNeverUnmanaged()
    {
        var records = new[] { Record("t1", "tasks/secret/a.yaml"), Record("t2", "tasks/other/b.yaml") }.ToDictionary(r => r.Identity);
        var unreadable = Diagnostic.Error("directory-unreadable", "directory 'tasks/secret/': permission denied", SourceLocation.StartOf("tasks/secret/"));

        var plan = Planner.Plan(DesiredState.Build([], [unreadable]), records);

        Assert.Equal(["t2"], plan.Entries.Where(e => e.Action == PlanAction.Unmanage).Select(e => e.Identity!.TaskId));
    }

    [Fact]
    public void Plan_SourceErrorWithoutALocation_KeepsEveryTask()
    {
        var records = new[] { Record("t1", "tasks/a.yaml") }.ToDictionary(r => r.Identity);

        var plan = Planner.Plan(DesiredState.Build([], [Diagnostic.Error("git-path-missing", "the manifest directory 'tasks' does not exist")]), records);

        Assert.DoesNotContain(plan.Entries, e => e.Action == PlanAction.Unmanage);
    }

    [Fact]
    public void Build_TwoThousandFilesClaimingOneTask_EachListsFiveOthersAndACount()
    {
        var one = TestManifests.Evaluate(Doc1);
        var files = Enumerable.Range(0, 2000).Select(i =>
        {
            var path = $"tasks/{i:D4}.yaml";
            var task = one.Tasks[0] with { Location = new SourceLocation(path, 1, 1), IdentityLocation = new SourceLocation(path, 5, 12) };
            return new FileEvaluation(path, [task], []);
        });

        var desired = DesiredState.Build(files);

        Assert.Empty(desired.Tasks);
        Assert.Equal(2000, desired.Invalid.Count);
        var first = desired.Invalid[0].Diagnostics.Single(d => d.Code == "duplicate-identity");
        Assert.Equal(
            $"task {TestManifests.UserId}/t1 is also defined at tasks/0001.yaml:5:12, tasks/0002.yaml:5:12, tasks/0003.yaml:5:12, tasks/0004.yaml:5:12, tasks/0005.yaml:5:12 and 1,994 more; each task must have exactly one manifest",
            first.Message);
        Assert.All(desired.Invalid, i => Assert.True(i.Diagnostics.Single(d => d.Code == "duplicate-identity").Message.Length < 400));
    }

    [Theory]
    [InlineData("f232d184-dd54-42a0-8ace-0bf8d660f4cc", "F232D184-DD54-42A0-8ACE-0BF8D660F4CC")]
    [InlineData("\"010\"", "10")]
    [InlineData("\"0010\"", "\"10\"")]
    public void Build_IdentitiesThatDifferOnlyInCaseOrLeadingZeros_AreBothInvalid(string first, string second)
    {
        var desired = TestManifests.Desired(("tasks/a.yaml", TestManifests.V2(taskId: first)), ("tasks/b.yaml", TestManifests.V2(taskId: second)));

        Assert.Empty(desired.Tasks);
        Assert.Equal(["tasks/a.yaml", "tasks/b.yaml"], desired.Invalid.Select(i => i.File));
        Assert.All(desired.Invalid, i => Assert.Contains(i.Diagnostics, d => d.Code == "identity-look-alike" && d.Message.Contains("may be one task", StringComparison.Ordinal)));
        Assert.True(desired.MayHold("tasks/a.yaml"));
    }

    [Fact]
    public void Build_PlainYamlIntegerWithLeadingZeros_IsThatInteger()
    {
        var desired = TestManifests.Desired(("tasks/a.yaml", TestManifests.V2(taskId: "010")), ("tasks/b.yaml", TestManifests.V2(taskId: "10")));

        // YAML 1.2 reads a plain 010 as the integer 10: one identity, written twice.
        Assert.All(desired.Invalid, i => Assert.Contains(i.Diagnostics, d => d.Code == "duplicate-identity"));
    }

    [Fact]
    public void IdentityComparison_IsExactTextAndLooseKeyFoldsCaseAndZeros()
    {
        var a = new TaskIdentity("U-1", "007");
        Assert.True(IdentityComparison.AreSame(a, new TaskIdentity("U-1", "007")));
        Assert.False(IdentityComparison.AreSame(a, new TaskIdentity("u-1", "7")));
        Assert.Equal(IdentityComparison.LooseKey(a), IdentityComparison.LooseKey(new TaskIdentity("u-1", "7")));
        Assert.NotEqual(IdentityComparison.LooseKey(a), IdentityComparison.LooseKey(new TaskIdentity("u-1", "70")));
    }

    private static AppliedRecord Record(string taskId, string file)
    {
        var task = TestManifests.Evaluate(TestManifests.V2(taskId: taskId)).Tasks[0];
        return new AppliedRecord(task.Identity, task.Body, file, null, PlanScenario.AppliedAt);
    }
}
