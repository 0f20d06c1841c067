using Reconciler.Core.Diagnostics;

namespace Reconciler.Core.Tests.Guardrails;

public sealed class PolicyRulesTests
{
    private static readonly string Collections80 = TestManifests.V2(metadata: PolicyTestFiles.CollectionsLabel).Replace("maximumcall: 2", "maximumcall: 80", StringComparison.Ordinal);

    [Fact]
    public void Evaluate_ErrorRuleViolated_ManifestIsInvalidWithTheRuleNameAtTheValue()
    {
        var desired = PolicyTestFiles.Desired(PolicyTestFiles.Example, ("tasks/a.yaml", Collections80));

        Assert.Empty(desired.Tasks);
        var problem = Assert.Single(Assert.Single(desired.Invalid).Diagnostics);
        Assert.Equal(("policy", "/spec/maximumcall"), (problem.Code, problem.JsonPath));
        Assert.Equal(("tasks/a.yaml", 10, 16), (problem.Location!.File, problem.Location.Line, problem.Location.Column));
        Assert.StartsWith("policy rule 'collections-max-concurrency': 催收任务并发不得超过60 (", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_WarningRuleViolated_TaskStaysValidWithTheWarning()
    {
        var policy = PolicyTestFiles.Example.Replace("severity: error", "severity: warning", StringComparison.Ordinal);

        var task = Assert.Single(PolicyTestFiles.Desired(policy, ("tasks/a.yaml", Collections80)).Tasks);

        var warning = Assert.Single(task.Warnings);
        Assert.Equal((Severity.Warning, "policy"), (warning.Severity, warning.Code));
    }

    [Fact]
    public void Evaluate_SelectorDoesNotMatch_RuleIsNotApplied()
    {
        var otherTeam = Collections80.Replace("team: collections", "team: sales", StringComparison.Ordinal);

        Assert.Single(PolicyTestFiles.Desired(PolicyTestFiles.Example, ("tasks/a.yaml", otherTeam)).Tasks);
    }

    [Theory]
    [InlineData("{paths: [\"tasks/collections/**\"]}", "tasks/collections/a.yaml", true)]
    [InlineData("{paths: [\"tasks/collections/**\"]}", "tasks/sales/a.yaml", false)]
    [InlineData("{user_ids: [\"" + TestManifests.UserId + "\"]}", "tasks/a.yaml", true)]
    [InlineData("{user_ids: [\"someone-else\"]}", "tasks/a.yaml", false)]
    [InlineData("{sub_user_ids: [\"x\"]}", "tasks/a.yaml", false)]
    [InlineData("{}", "tasks/a.yaml", true)]
    public void Evaluate_SelectorsByPathAndAccount(string select, string path, bool applies)
    {
        var policy = $"rules:\n  - name: night\n    select: {select}\n    schema: {{properties: {{spec: {{properties: {{maximumcall: {{maximum: 1}}}}}}}}}}\n    message: too many\n";

        var desired = PolicyTestFiles.Desired(policy, (path, TestManifests.V2()));

        Assert.Equal(applies, desired.Invalid.Count == 1);
    }

    [Fact]
    public void Evaluate_RuleRequiringAField_ReportsItAtTheParentObject()
    {
        var policy = "rules:\n  - name: needs-remark\n    schema: {properties: {spec: {required: [remark]}}}\n    message: every task says why it exists\n";

        var problem = Assert.Single(Assert.Single(PolicyTestFiles.Desired(policy, ("tasks/a.yaml", TestManifests.V2())).Invalid).Diagnostics);

        Assert.Equal("/spec", problem.JsonPath);
        Assert.Contains("needs-remark", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pipeline_PolicyChanges_CachedVerdictsAreNotReused()
    {
        var pipeline = new Reconciler.Core.Validation.ManifestPipeline();
        var files = new[] { ("tasks/a.yaml", Collections80) };

        Assert.Single(pipeline.Evaluate(PolicyTestFiles.Snapshot(null, files)).Tasks);
        Assert.Empty(pipeline.Evaluate(PolicyTestFiles.Snapshot(PolicyTestFiles.Example, files)).Tasks);
        Assert.Single(pipeline.Evaluate(PolicyTestFiles.Snapshot(null, files)).Tasks);
    }

    [Fact]
    public void Pipeline_MalformedPolicy_IsAnInvalidEntryNamingThePolicyFile()
    {
        var desired = PolicyTestFiles.Desired("rules: 1\n", ("tasks/a.yaml", TestManifests.V2()));

        var invalid = Assert.Single(desired.Invalid);
        Assert.Equal(".reconciler/policy.yaml", invalid.Location.File);
        Assert.False(desired.IsComplete);
    }

    [Theory]
    [InlineData("collections-east", 1)]
    [InlineData("another-set", 0)]
    public void Evaluate_TaskSetItems_AreSelectedByTheSetName(string setName, int invalid)
    {
        var policy = $"rules:\n  - name: set-limit\n    select: {{tasksets: [{setName}]}}\n    schema: {{properties: {{spec: {{properties: {{maximumcall: {{maximum: 25}}}}}}}}}}\n    message: too many\n";

        var desired = PolicyTestFiles.Desired(policy, ("tasks/set.yaml", TaskSets.TaskSetFixtures.Inline()));

        Assert.Equal(invalid, desired.Invalid.Count);
        Assert.All(desired.Invalid, i => Assert.Contains("set-limit", Assert.Single(i.Diagnostics).Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verdict_RuleBrokenByADocumentWithoutTaskId_Fails()
    {
        var policy = "rules:\n  - name: cap\n    schema: {properties: {spec: {properties: {maximumcall: {maximum: 1}}}}}\n    message: too many\n";
        var noTaskId = TestManifests.V2(taskId: "t-x").Replace("\n  task_id: t-x", "", StringComparison.Ordinal);
        var snapshot = PolicyTestFiles.Snapshot(policy, ("tasks/a.yaml", noTaskId));

        var plan = (await new Reconciler.Core.Reconciling.PlanningEngine(new Reconciler.Core.Reconciling.ReconcileSettings()).PlanAsync(snapshot, Reconciler.Core.Reconciling.CompareWith.LiveState, Reconciler.Core.Reconciling.PlanOptions.Default, CancellationToken.None)).Plan;

        // The document names no task, so it is not an entry; its policy violation still decides the verdict.
        Assert.Empty(plan.Entries);
        Assert.Single(plan.UnidentifiedDocuments);
        var verdict = Reconciler.Core.Guardrails.PolicyVerdict.Decide(plan, plan.Policy, _ => true);
        Assert.False(verdict.Passed);
        Assert.Contains("cap", verdict.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_HostileRuleMessage_IsEscapedForTerminalAndMarkdown()
    {
        var policy = "rules:\n  - name: hostile\n    schema: {properties: {spec: {properties: {maximumcall: {maximum: 1}}}}}\n    message: \"<img src=x onerror=alert(1)> **bold** \\e[31m red\"\n";
        var snapshot = PolicyTestFiles.Snapshot(policy, ("tasks/a.yaml", TestManifests.V2()));

        var plan = (await new Reconciler.Core.Reconciling.PlanningEngine(new Reconciler.Core.Reconciling.ReconcileSettings()).PlanAsync(snapshot, Reconciler.Core.Reconciling.CompareWith.LiveState, Reconciler.Core.Reconciling.PlanOptions.Default, CancellationToken.None)).Plan;

        var text = new Reconciler.Core.Rendering.TextPlanRenderer().Render(plan);
        var markdown = new Reconciler.Core.Rendering.MarkdownPlanRenderer().Render(plan);
        Assert.Contains("policy rule 'hostile'", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", text, StringComparison.Ordinal);
        Assert.Contains("\\x1B[31m", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", markdown, StringComparison.Ordinal);
        Assert.Contains(@"&lt;img src=x onerror=alert\(1\)&gt;", markdown, StringComparison.Ordinal);
    }
}
