using System.Text.Json;
using Reconciler.Testing.Git;

namespace Reconciler.Cli.Tests.Sources;

/// <summary><c>--repo/--ref/--path</c> and <c>--base/--head</c> against real repositories made by the test.</summary>
public sealed class GitSourceCommandTests
{
    [Fact]
    public async Task Plan_RepoOption_ReadsTheCommitTreeAndNamesTheRevision()
    {
        using var remote = new TestGitRemote();
        remote.Write("tasks/a.yaml", SourceCliHarness.Manifest("t-a")).Write("tasks/b.yaml", SourceCliHarness.Manifest("t-b")).Write("README.md", "not a manifest");
        var commit = remote.CommitAndPush("two tasks");
        using var work = SourceCliHarness.TempDirectory();

        var (exit, output, error) = await SourceCliHarness.RunAsync(work.Path, "plan", "--repo", remote.FileUrl, "--ref", "main", "--path", "tasks", "--format", "json");

        Assert.Equal(0, exit);
        using var plan = JsonDocument.Parse(output);
        Assert.Equal(commit, plan.RootElement.GetProperty("revision").GetString());
        Assert.Equal(2, plan.RootElement.GetProperty("summary").GetProperty("adopt").GetInt32());
        Assert.Contains("tasks/a.yaml", plan.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("file").GetString()));
        Assert.Contains(commit[..12], error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_RepoWithMissingBranch_FailsWithAClearMessage()
    {
        using var remote = new TestGitRemote();
        remote.Write("a.yaml", SourceCliHarness.Manifest("t-a"));
        remote.CommitAndPush("one task");
        using var work = SourceCliHarness.TempDirectory();

        var (exit, _, error) = await SourceCliHarness.RunAsync(work.Path, "validate", "--repo", remote.Url, "--ref", "no-such-branch");

        Assert.Equal(1, exit);
        Assert.Contains("no-such-branch", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_BaseRevision_ShowsWhatTheChangeSetDoes()
    {
        using var remote = new TestGitRemote();
        remote.Write("tasks/keep.yaml", SourceCliHarness.Manifest("t-keep"))
            .Write("tasks/change.yaml", SourceCliHarness.Manifest("t-change"))
            .Write("tasks/remove.yaml", SourceCliHarness.Manifest("t-remove"));
        var baseCommit = remote.CommitAndPush("base");
        remote.Write("tasks/change.yaml", SourceCliHarness.Manifest("t-change", maximumcall: 4))
            .Delete("tasks/remove.yaml")
            .Write("tasks/add.yaml", SourceCliHarness.Manifest("t-add"));
        var headCommit = remote.Commit("the pull request");

        var (exit, output, _) = await SourceCliHarness.RunAsync(remote.WorkPath, "plan", "tasks", "--base", baseCommit, "--detailed-exitcode");

        Assert.Equal(2, exit);
        Assert.Contains("Plan: 1 to update, 1 to adopt, 1 to unmanage, 0 invalid, 1 unchanged.", output, StringComparison.Ordinal);
        Assert.Contains("~ maximumcall: 2 → 4", output, StringComparison.Ordinal);
        Assert.Contains("tasks/change.yaml", output, StringComparison.Ordinal);

        var (_, json, _) = await SourceCliHarness.RunAsync(remote.WorkPath, "plan", "tasks", "--base", baseCommit, "--head", headCommit, "--format", "json");
        using var plan = JsonDocument.Parse(json);
        Assert.Equal(baseCommit, plan.RootElement.GetProperty("base_revision").GetString());
        Assert.Equal(headCommit, plan.RootElement.GetProperty("revision").GetString());
    }

    [Fact]
    public async Task Plan_BaseRevisionMissing_HintsAtFetchDepth()
    {
        using var remote = new TestGitRemote();
        remote.Write("a.yaml", SourceCliHarness.Manifest("t-a"));
        remote.CommitAndPush("one");

        var (exit, _, error) = await SourceCliHarness.RunAsync(remote.WorkPath, "plan", ".", "--base", "origin/does-not-exist");

        Assert.Equal(1, exit);
        Assert.Contains("fetch-depth: 0", error, StringComparison.Ordinal);
    }
}
