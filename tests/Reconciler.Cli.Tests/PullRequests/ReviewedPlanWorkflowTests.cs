using YamlDotNet.RepresentationModel;
using static Reconciler.Cli.Tests.PullRequests.WorkflowYaml;

namespace Reconciler.Cli.Tests.PullRequests;

/// <summary>
/// The reviewed-plan flow of the sample workflows: with RECONCILER_STATE, plan.yml plans against the state, saves
/// plan.out and keeps it as the artefact "reconciler-plan"; apply.yml, after merge, downloads the plan of the pull
/// request's last commit and applies exactly that file. Scripts run with stand-ins for the reconciler and gh.
/// </summary>
public sealed class ReviewedPlanWorkflowTests
{
    private const string PlanWorkflow = "sample-repo/.github/workflows/plan.yml";
    private const string ApplyWorkflow = "sample-repo/.github/workflows/apply.yml";

    [Fact]
    public async Task PlanWorkflow_WithAState_PlansAgainstItAndSavesThePlan()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // ubuntu-latest runs this step; there is no bash to run it with here.
        }

        var steps = Steps(Load(PlanWorkflow));
        var script = Text(Assert.Single(steps, s => Text(s, "run")?.Contains(" plan ", StringComparison.Ordinal) == true), "run")!;
        using var directory = new TestDirectory("workflow");
        var args = await RunWithStubAsync(directory.Path, "reconciler/reconciler", script, new()
        {
            ["RECONCILER_STATE"] = "postgres://reconciler@db.internal:5432/tasks",
            ["REPOSITORY"] = "callcentre/tasks",
            ["PR_NUMBER"] = "7",
            ["HEAD_SHA"] = "4f2c9e1a7b3d5f60718293a4b5c6d7e8f9012345",
            ["BASE_REF"] = "main",
        });

        Assert.Equal("plan . --state postgres://reconciler@db.internal:5432/tasks --out plan.out --github-repo callcentre/tasks --pr 7 --sha 4f2c9e1a7b3d5f60718293a4b5c6d7e8f9012345 --detailed-exitcode", args);
        var keep = Assert.Single(steps, s => Text(s, "uses")?.StartsWith("actions/upload-artifact@", StringComparison.Ordinal) == true);
        Assert.Equal("env.RECONCILER_STATE != ''", Text(keep, "if"));
        Assert.Equal(("reconciler-plan", "plan.out"), (Text(Map(keep, "with"), "name"), Text(Map(keep, "with"), "path")));
        var env = Map((YamlMappingNode)Assert.Single(Map(Load(PlanWorkflow), "jobs").Children).Value, "env");
        Assert.Equal("${{ secrets.RECONCILER_STATE }}", Text(env, "RECONCILER_STATE"));
    }

    [Fact]
    public void ApplyWorkflow_RunsOnMergedPullRequestsWithReadOnlyPermissions()
    {
        var root = Load(ApplyWorkflow);

        Assert.Equal(["closed"], ((YamlSequenceNode)Map(Map(root, "on"), "pull_request").Children[new YamlScalarNode("types")]).Children.Select(n => ((YamlScalarNode)n).Value));
        Assert.Equal(
            [("actions", "read"), ("contents", "read")],
            Map(root, "permissions").Children.Select(p => (((YamlScalarNode)p.Key).Value!, ((YamlScalarNode)p.Value).Value!)).Order());
        var job = (YamlMappingNode)Assert.Single(Map(root, "jobs").Children).Value;
        Assert.Equal("github.event.pull_request.merged == true", Text(job, "if"));
        var checkout = Steps(root).First(s => Text(s, "uses")?.StartsWith("actions/checkout@", StringComparison.Ordinal) == true);
        Assert.Equal("${{ github.event.pull_request.merge_commit_sha }}", Text(Map(checkout, "with"), "ref"));
        Assert.All(Steps(root), s => Assert.DoesNotContain("${{", Text(s, "run") ?? "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ApplyWorkflow_DownloadsThePlanOfTheLastCommitAndAppliesExactlyThatFile()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var steps = Steps(Load(ApplyWorkflow));
        using var directory = new TestDirectory("workflow");
        var download = Text(Assert.Single(steps, s => Text(s, "run")?.Contains("gh run download", StringComparison.Ordinal) == true), "run")!;
        var gh = await RunWithStubAsync(directory.Path, "bin/gh", download, new()
        {
            ["REPOSITORY"] = "callcentre/tasks",
            ["HEAD_SHA"] = "4f2c9e1a7b3d5f60718293a4b5c6d7e8f9012345",
        }, stubOutput: "42");
        Assert.Equal("run download 42 --repo callcentre/tasks --name reconciler-plan --dir .", gh);

        var apply = Text(Assert.Single(steps, s => Text(s, "run")?.Contains(" apply ", StringComparison.Ordinal) == true), "run")!;
        var args = await RunWithStubAsync(directory.Path, "reconciler/reconciler", apply, new() { ["RECONCILER_STATE"] = "postgres://reconciler@db.internal:5432/tasks" });
        Assert.Equal("apply plan.out --state postgres://reconciler@db.internal:5432/tasks --max-plan-age 72h --auto-approve", args);
    }

    /// <summary>
    /// Runs <paramref name="script"/> with a stand-in for <paramref name="stub"/> (under RUNNER_TEMP, or on PATH for
    /// <c>bin/…</c>) that records its last arguments and prints <paramref name="stubOutput"/>; returns those arguments.
    /// </summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static async Task<string> RunWithStubAsync(string temp, string stub, string script, Dictionary<string, string> environment, string stubOutput = "")
    {
        var path = Path.Combine(temp, stub);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, $"#!/usr/bin/env bash\necho \"$@\" > \"{temp}/args\"\necho \"{stubOutput}\"\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        environment["RUNNER_TEMP"] = temp;
        environment["GITHUB_OUTPUT"] = Path.Combine(temp, "github-output");
        environment["PATH"] = Path.Combine(temp, "bin") + ":" + Environment.GetEnvironmentVariable("PATH");

        var exit = await RunBashAsync(script, environment);

        Assert.Equal(0, exit);
        return (await File.ReadAllTextAsync(Path.Combine(temp, "args"))).Trim();
    }
}
