using Reconciler.Core.Diagnostics;
using Reconciler.Core.Guardrails;

namespace Reconciler.Core.Tests.Guardrails;

public sealed class PolicyFileReaderTests
{
    [Fact]
    public void Read_TheIssuesExample_GivesRulesLimitsAndOwners()
    {
        var (policy, problems) = PolicyFileReader.Read(PolicyTestFiles.Policy(PolicyTestFiles.Example));

        Assert.Empty(problems);
        var rule = Assert.Single(policy.Rules);
        Assert.Equal(("collections-max-concurrency", Severity.Error, "催收任务并发不得超过60"), (rule.Name, rule.Severity, rule.Message));
        Assert.Equal("collections", rule.Select.Labels["team"]);
        Assert.Equal(new PolicyLimits(500, 20), policy.Limits);
        Assert.Equal(["lead-alice", "@acme/collections-leads"], Assert.Single(policy.Owners).Approvers);
        Assert.Equal(7, policy.LimitsLocation.Line);
    }

    [Fact]
    public void Read_NoFile_IsNoPolicy()
    {
        var (policy, problems) = PolicyFileReader.Read(null);

        Assert.True(policy.IsEmpty);
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("rule: []\n", "/rule", 1, 1)]
    [InlineData("rules:\n  - name: a\n    schema: {}\n    severity: fatal\n    message: m\n", "/rules/0/severity", 4, 15)]
    [InlineData("rules:\n  - name: a\n    schema: {}\n    message: m\n  - name: a\n    schema: {}\n    message: m\n", "/rules", 2, 3)]
    [InlineData("rules:\n  - name: a\n    schema: {}\n", "/rules/0", 2, 5)]
    [InlineData("rules:\n  - name: a\n    schema: [1]\n    message: m\n", "/rules/0/schema", 3, 13)]
    [InlineData("rules:\n  - name: a\n    schema: {minimum: x}\n    message: m\n", "/rules/0/schema", 3, 13)]
    [InlineData("limits: {max_changed_tasks: -1}\n", "/limits/max_changed_tasks", 1, 29)]
    [InlineData("owners:\n  - approvers: [\"not a login\"]\n", "/owners/0/approvers/0", 2, 17)]
    [InlineData("owners:\n  - select: {paths: tasks/*}\n    approvers: [a]\n", "/owners/0/select/paths", 2, 21)]
    [InlineData("rules: {a: 1}\n", "/rules", 1, 8)]
    public void Read_MalformedPolicy_IsAnErrorAtItsFileLineAndColumn_AndNoPolicy(string yaml, string pointer, int line, int column)
    {
        var (policy, problems) = PolicyFileReader.Read(PolicyTestFiles.Policy(yaml));

        Assert.True(policy.IsEmpty);
        var problem = Assert.Single(problems);
        Assert.True(problem.IsError);
        Assert.Equal((".reconciler/policy.yaml", line, column, pointer), (problem.Location!.File, problem.Location.Line, problem.Location.Column, problem.JsonPath));
    }

    [Fact]
    public void Read_BrokenYaml_IsASyntaxErrorNamingThePolicyFile()
    {
        var (_, problems) = PolicyFileReader.Read(PolicyTestFiles.Policy("rules: [\n"));

        Assert.Equal(".reconciler/policy.yaml", Assert.Single(problems).Location!.File);
    }

    [Theory]
    [InlineData("lead-alice", true)]
    [InlineData("@acme/collections-leads", true)]
    [InlineData("-alice", false)]
    [InlineData("@acme", false)]
    [InlineData("a b", false)]
    public void ApproverNames_AcceptLoginsAndTeams(string name, bool valid) => Assert.Equal(valid, ApproverNames.IsValid(name));
}
