using System.Text.Json;
using System.Text.RegularExpressions;
using Reconciler.Cli.Tests.Support;
using Reconciler.Core.State;
using Reconciler.Core.Validation;
using Reconciler.Files;
using Reconciler.Testing.State;

namespace Reconciler.Cli.Tests.Commands;

/// <summary><c>validate</c> and <c>plan</c> on the sample repository and on a broken manifest (no API involved).</summary>
public sealed partial class PlanAndValidateTests : IDisposable
{
    private const string SampleSummary = "Plan: 0 to update, 18 to adopt, 0 to unmanage, 0 invalid, 0 unchanged, 1 suspended.";

    private const string BadManifest = """
        apiVersion: tasks/v2
        kind: Task
        metadata:
          user_id: 5832d184-dd53-42a0-8ace-0bf8d660f4cc
          task_id: f232d184-dd54-42a0-8ace-0bf8d660f4cc
        spec:
          name: 坏任务
          destination_extension: 123
          maximumcall: 3
          dial_time_id: 123
          task_extras:
            start_time: "2026-12-23 19:00:00"
            stop_time: "2027-12-25 23:59:59"
            pop_mode: 1
            line: [{id: a, limit: 2}, {id: b, limit: 2}]
        """;

    private readonly TestDirectory _directory = new();

    public PlanAndValidateTests() => _directory.CopyFromOutput("sample-repo");

    [Fact]
    public async Task Validate_SampleRepo_ExitsZero()
    {
        var result = await RunAsync("validate", "sample-repo");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("19 task manifest(s) valid in 15 file(s).", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_MissingStateFile_ListsEveryTaskAsAdoptAndCreatesNoFile()
    {
        var result = await RunAsync("plan", "sample-repo", "--state", "no-such-dir/state.db");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(SampleSummary, result.Out, StringComparison.Ordinal);
        Assert.Equal(18, AdoptLine().Count(result.Out));
        Assert.Single(SuspendedLine().Matches(result.Out));
        Assert.False(Directory.Exists(_directory.Combine("no-such-dir")));
        Assert.False(Directory.Exists(_directory.Combine(".reconciler")));
    }

    [Fact]
    public async Task Plan_DetailedExitcode_IsTwoWithChangesAndZeroWithout()
    {
        var changes = await RunAsync("plan", "sample-repo", "--state", "state.db", "--detailed-exitcode");
        var withoutFlag = await RunAsync("plan", "sample-repo", "--state", "state.db");
        await SeedEverythingAppliedAsync(_directory.Combine("state.db"));
        var noChanges = await RunAsync("plan", "sample-repo", "--state", "state.db", "--detailed-exitcode");

        Assert.True(changes.ExitCode == 2, changes.ToString());
        Assert.True(withoutFlag.ExitCode == 0, withoutFlag.ToString());
        Assert.True(noChanges.ExitCode == 0, noChanges.ToString());
        Assert.Contains("Plan: 0 to update, 0 to adopt, 0 to unmanage, 0 invalid, 18 unchanged, 1 suspended.", noChanges.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_InvalidManifest_ExitsOneWithFileLineColumnOnStderr()
    {
        _directory.Write("broken/tasks/bad.yaml", BadManifest);

        var result = await RunAsync("validate", "broken");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("broken/tasks/bad.yaml:9:16: error: maximumcall 3 must divide evenly by the number of lines (2)", result.Error, StringComparison.Ordinal);
        Assert.Matches(DiagnosticLine(), result.Error);
    }

    [Fact]
    public async Task Plan_InvalidManifest_ExitsOneAndShowsTheErrorWithItsPlace()
    {
        _directory.Write("broken/tasks/bad.yaml", BadManifest);

        var result = await RunAsync("plan", "broken", "--state", "state.db", "--detailed-exitcode");

        // plan shows diagnostics inside the plan (stdout), where every format carries them; validate uses stderr.
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("broken/tasks/bad.yaml:9:16: error: maximumcall 3", result.Out, StringComparison.Ordinal);
        Assert.Contains("1 invalid", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_FormatJson_ParsesWithTheSummaryAndEveryEntry()
    {
        var result = await RunAsync("plan", "sample-repo", "--state", "state.db", "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var summary = json.RootElement.GetProperty("summary");
        Assert.Equal(18, summary.GetProperty("adopt").GetInt32());
        Assert.True(summary.GetProperty("has_changes").GetBoolean());
        Assert.Equal(SampleSummary, summary.GetProperty("text").GetString());
        var entries = json.RootElement.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(19, entries.Count);
        Assert.All(entries, e => Assert.StartsWith("sample-repo/tasks/", e.GetProperty("file").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Plan_FormatJsonWithInvalidManifest_AlsoPrintsTheErrorOnStderr()
    {
        _directory.Write("broken/tasks/bad.yaml", BadManifest);

        var result = await RunAsync("plan", "broken", "--state", "state.db", "--format", "json");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var json = JsonDocument.Parse(result.Out); // stdout stays pure JSON
        Assert.StartsWith("broken/tasks/bad.yaml:9:16: error: maximumcall 3", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();

    private Task<CliResult> RunAsync(params string[] args) => InProcessCli.RunAsync(_directory.Path, null, args);

    /// <summary>As if every task of the sample repository had been applied as it is now.</summary>
    private async Task SeedEverythingAppliedAsync(string statePath)
    {
        var desired = new ManifestPipeline().Evaluate(new DirectorySource(_directory.Combine("sample-repo")).Read());
        await StateSeeder.SeedAsync(statePath, desired.Tasks.Where(t => !t.Suspend).Select(t => new AppliedRecord(t.Identity, t.Body, t.File, null, StateSeeder.DefaultAppliedAt)));
    }

    [GeneratedRegex(@"^\+ adopt ", RegexOptions.Multiline)]
    private static partial Regex AdoptLine();

    [GeneratedRegex(@"^z suspended ", RegexOptions.Multiline)]
    private static partial Regex SuspendedLine();

    [GeneratedRegex(@"(?m)^[^\s:]+\.yaml:\d+:\d+: error: .+ \(/spec/[^)]+\)$")]
    private static partial Regex DiagnosticLine();
}
