using System.Text.Json;
using Reconciler.Cli.Tests.Support;
using Xunit;

namespace Reconciler.Cli.Tests.Polish;

/// <summary>validate: nothing found is a failure, one file can be checked, and a JSON report for machines.</summary>
public sealed class ValidateTests
{
    private static readonly string Sample = Path.Combine(AppContext.BaseDirectory, "sample-repo");

    [Fact]
    public async Task Validate_EmptyDirectory_FailsSayingNothingWasFound()
    {
        using var empty = new TestDirectory("validate-empty");
        empty.Write("README.md", "not a manifest");

        var result = await InProcessCli.RunAsync(empty.Path, null, ["validate", "."]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no task manifests found under '.' (looked for **/*.yaml and **/*.yml; hidden directories are skipped)", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("valid", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_MistypedDirectoryOrGlob_Fails()
    {
        var missing = await InProcessCli.RunAsync(Sample, null, ["validate", "taks"]);
        var glob = await InProcessCli.RunAsync(Sample, null, ["validate", ".", "--include", "tasks/**/*.yml"]);

        Assert.Equal((1, 1), (missing.ExitCode, glob.ExitCode));
        Assert.Contains("'", missing.Error, StringComparison.Ordinal);
        Assert.Contains("taks", missing.Error, StringComparison.Ordinal);
        Assert.Contains("no task manifests found under '.' (looked for tasks/**/*.yml", glob.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_OneFile_ChecksThatFileAndNamesItAsTyped()
    {
        var file = Directory.EnumerateFiles(Path.Combine(Sample, "tasks"), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        var relative = Path.GetRelativePath(Sample, file);
        using var broken = new TestDirectory("validate-file");
        broken.Write("tasks/bad.yaml", File.ReadAllText(file).Replace("maximumcall:", "maximumcal:", StringComparison.Ordinal));

        var good = await InProcessCli.RunAsync(Sample, null, ["validate", relative]);
        var bad = await InProcessCli.RunAsync(broken.Path, null, ["validate", "tasks/bad.yaml"]);
        var plan = await InProcessCli.RunAsync(Sample, null, ["plan", relative]);

        Assert.True(good.ExitCode == 0, good.ToString());
        Assert.Contains("valid in 1 file(s)", good.Out, StringComparison.Ordinal);
        Assert.Equal(1, bad.ExitCode);
        Assert.StartsWith("tasks/bad.yaml:", bad.Error, StringComparison.Ordinal);
        Assert.Contains("'maximumcal'", bad.Error, StringComparison.Ordinal);
        Assert.Equal(1, plan.ExitCode);
        Assert.Contains("is a file: plan reads a whole directory", plan.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_FormatJson_IsOneDocumentWithCountsAndDiagnostics()
    {
        using var broken = new TestDirectory("validate-json");
        var file = Directory.EnumerateFiles(Path.Combine(Sample, "tasks"), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        broken.Write("tasks/good.yaml", File.ReadAllText(file));
        broken.Write("tasks/坏.yaml", "apiVersion: tasks/v2\nkind: Task\nmetadata: {user_id: u, task_id: t}\nspec: {name: 外呼}\n");

        var result = await InProcessCli.RunAsync(broken.Path, null, ["validate", ".", "--format", "json"]);

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.False(root.GetProperty("valid").GetBoolean());
        Assert.Equal((2, 1), (root.GetProperty("files").GetInt32(), root.GetProperty("invalid").GetInt32()));
        var first = root.GetProperty("diagnostics")[0];
        Assert.Equal(("error", "tasks/坏.yaml"), (first.GetProperty("severity").GetString(), first.GetProperty("file").GetString()));
        Assert.True(first.GetProperty("line").GetInt32() > 0);
        Assert.Contains("坏.yaml", result.Out, StringComparison.Ordinal); // not \u escaped
        Assert.Equal("", result.Error);
    }
}
