using System.Diagnostics;
using Reconciler.Core.Sources;
using Reconciler.Testing;
using Xunit;
using YamlDotNet.RepresentationModel;
using static Reconciler.Cli.Tests.PullRequests.WorkflowYaml;

namespace Reconciler.Cli.Tests.PullRequests;

/// <summary>
/// sample-repo/.github/workflows/plan.yml is what customers copy: it must parse, ask for the right
/// permissions, call plan with the PR's coordinates, and not fail the job when plan exits 2 (changes).
/// </summary>
public sealed class WorkflowFileTests
{
    private const string WorkflowPath = "sample-repo/.github/workflows/plan.yml";

    [Fact]
    public void Workflow_Parses_AndRunsOnPullRequests()
    {
        var root = Load();

        // YamlDotNet keeps "on" a string (a YAML 1.1 parser would read it as true; GitHub reads it as "on").
        Assert.True(Map(root, "on").Children.ContainsKey(new YamlScalarNode("pull_request")));
        Assert.Equal("Task plan", Text(root, "name"));
    }

    [Fact]
    public void Workflow_AsksForExactlyThePermissionsPlanNeeds()
    {
        var permissions = Map(Load(), "permissions");

        Assert.Equal(
            [("contents", "read"), ("pull-requests", "write"), ("statuses", "write")],
            permissions.Children.Select(p => (((YamlScalarNode)p.Key).Value!, ((YamlScalarNode)p.Value).Value!)).Order());
    }

    [Fact]
    public void Workflow_ChecksOutFullHistoryAndSetsUpDotNet10()
    {
        var steps = Steps(Load());

        var checkout = steps.First(s => Text(s, "uses")?.StartsWith("actions/checkout@", StringComparison.Ordinal) == true);
        Assert.Equal("0", Text(Map(checkout, "with"), "fetch-depth"));
        var dotnet = Assert.Single(steps, s => Text(s, "uses")?.StartsWith("actions/setup-dotnet@", StringComparison.Ordinal) == true);
        Assert.StartsWith("10.", Text(Map(dotnet, "with"), "dotnet-version"), StringComparison.Ordinal);
    }

    [Fact]
    public void Workflow_PlanStep_PassesThePullRequestAndTheToken()
    {
        var plan = PlanStep(Load());
        var env = Map(plan, "env");

        Assert.Equal("${{ secrets.GITHUB_TOKEN }}", Text(env, "GITHUB_TOKEN"));
        Assert.Equal("${{ github.repository }}", Text(env, "REPOSITORY"));
        Assert.Equal("${{ github.event.pull_request.number }}", Text(env, "PR_NUMBER"));
        Assert.Equal("${{ github.event.pull_request.head.sha }}", Text(env, "HEAD_SHA"));
        Assert.Equal("${{ github.base_ref }}", Text(env, "BASE_REF"));
        var script = Text(plan, "run")!;
        Assert.Contains("reconciler\" plan . \\", script, StringComparison.Ordinal);
        foreach (var argument in new[] { "--base \"origin/$BASE_REF\"", "--github-repo \"$REPOSITORY\"", "--pr \"$PR_NUMBER\"", "--sha \"$HEAD_SHA\"", "--detailed-exitcode" })
        {
            Assert.Contains(argument, script, StringComparison.Ordinal);
        }

        // Values reach the script through the environment only: an expression inside run: would be pasted in as code.
        Assert.DoesNotContain("${{", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Workflow_InstallsThePinnedToolInsteadOfBuildingFromSource()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // ubuntu-latest runs this step; there is no bash to run it with here.
        }

        var steps = Steps(Load());
        Assert.DoesNotContain(steps, s => Text(s, "run")?.Contains("dotnet publish", StringComparison.Ordinal) == true || Text(s, "run")?.Contains("dotnet build", StringComparison.Ordinal) == true);
        var install = Assert.Single(steps, s => Text(s, "run")?.Contains("dotnet tool install", StringComparison.Ordinal) == true);
        Assert.Matches(@"^[0-9]+\.[0-9]+\.[0-9]+", Text(Map(install, "env"), "RECONCILER_VERSION"));

        // Run the step with a stand-in dotnet on PATH: it installs the pinned version into the folder the plan step runs from.
        using var directory = new TestDirectory("install");
        var temp = directory.Path;
        var bin = Directory.CreateDirectory(Path.Combine(temp, "bin")).FullName;
        var stub = Path.Combine(bin, "dotnet");
        await File.WriteAllTextAsync(stub, $"#!/usr/bin/env bash\necho \"$@\" > \"{temp}/args\"\n");
        File.SetUnixFileMode(stub, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var exit = await RunBashAsync(Text(install, "run")!, new()
        {
            ["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH"),
            ["RUNNER_TEMP"] = temp,
            ["RECONCILER_VERSION"] = "0.1.0",
        });

        // The prefixed package id, from the sources nuget.config allows (no additive --add-source: dependency confusion).
        Assert.Equal(0, exit);
        Assert.Equal($"tool install TaskReconciler.Cli --version 0.1.0 --configfile nuget.config --tool-path {temp}/reconciler", (await File.ReadAllTextAsync(Path.Combine(temp, "args"))).Trim());
        Assert.Contains("\"$RUNNER_TEMP/reconciler/reconciler\" plan", Text(PlanStep(Load()), "run"), StringComparison.Ordinal);
    }

    [Fact]
    public void NugetConfig_OfTheSample_ClearsInheritedSourcesAndMapsThePackageToOneFeed()
    {
        var config = System.Xml.Linq.XDocument.Load(RepositoryRoot.Combine("sample-repo", "nuget.config")).Root!;

        var sources = config.Element("packageSources")!.Elements().ToList();
        Assert.Equal("clear", sources[0].Name.LocalName);
        var feed = Assert.Single(sources, e => e.Name.LocalName == "add");
        var mapped = Assert.Single(config.Element("packageSourceMapping")!.Elements("packageSource"));
        Assert.Equal(feed.Attribute("key")!.Value, mapped.Attribute("key")!.Value);
        Assert.Equal("TaskReconciler.*", Assert.Single(mapped.Elements("package")).Attribute("pattern")!.Value);
        Assert.DoesNotContain("password", config.ToString(), StringComparison.OrdinalIgnoreCase); // credentials come from the job's environment
    }

    [Theory]
    [InlineData(0, 0, "changes=false")]
    [InlineData(2, 0, "changes=true")]
    [InlineData(1, 1, "")]
    [InlineData(134, 134, "")]
    public async Task Workflow_PlanStep_FailsTheJobOnlyForErrors(int planExit, int stepExit, string output)
    {
        // Run the step's script the way the runner does (bash -e), with a stand-in reconciler that exits as told.
        if (OperatingSystem.IsWindows())
        {
            return; // ubuntu-latest runs this step; there is no bash to run it with here.
        }

        var script = Text(PlanStep(Load()), "run")!;
        using var directory = new TestDirectory("workflow");
        var temp = directory.Path;
        var stub = Path.Combine(temp, "reconciler", "reconciler");
        Directory.CreateDirectory(Path.GetDirectoryName(stub)!);
        await File.WriteAllTextAsync(stub, $"#!/usr/bin/env bash\necho \"$@\" > \"{temp}/args\"\nexit {planExit}\n");
        File.SetUnixFileMode(stub, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var outputs = Path.Combine(temp, "github-output");
        await File.WriteAllTextAsync(outputs, "");

        var exit = await RunBashAsync(script, new()
        {
            ["RUNNER_TEMP"] = temp,
            ["GITHUB_OUTPUT"] = outputs,
            ["REPOSITORY"] = "callcentre/tasks",
            ["PR_NUMBER"] = "7",
            ["HEAD_SHA"] = "4f2c9e1a7b3d5f60718293a4b5c6d7e8f9012345",
            ["BASE_REF"] = "main",
        });

        Assert.Equal(stepExit, exit);
        Assert.Equal(output, (await File.ReadAllTextAsync(outputs)).Trim());
        Assert.Equal(
            "plan . --base origin/main --github-repo callcentre/tasks --pr 7 --sha 4f2c9e1a7b3d5f60718293a4b5c6d7e8f9012345 --detailed-exitcode",
            (await File.ReadAllTextAsync(Path.Combine(temp, "args"))).Trim());
    }

    [Fact]
    public async Task Workflow_InsideTheTaskRepository_IsNotReadAsAManifest()
    {
        Assert.False(ManifestGlob.Default.IsMatch(".github/workflows/plan.yml"));
        Assert.False(ManifestGlob.Default.IsMatch(".reconciler-src/sample-repo/tasks/a.yaml"));

        // The real sample repository, workflow included, still validates cleanly.
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new CliConsole(output, error, new StringReader(""), false, false, _ => null, RepositoryRoot.Path);
        var exit = await ReconcilerCli.RunAsync(["validate", "sample-repo"], console);

        Assert.True(exit == 0, $"{output}\n{error}");
        Assert.DoesNotContain("plan.yml", output.ToString() + error, StringComparison.Ordinal);
    }

    private static YamlMappingNode Load() => WorkflowYaml.Load(WorkflowPath);

    private static YamlMappingNode PlanStep(YamlMappingNode root) =>
        Assert.Single(Steps(root), s => Text(s, "run")?.Contains(" plan ", StringComparison.Ordinal) == true);
}
