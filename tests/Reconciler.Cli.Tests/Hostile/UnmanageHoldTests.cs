using System.Text.Json;
using Reconciler.Cli.Tests.Support;
using Reconciler.Testing.Files;
using Reconciler.Testing.Simulator;

namespace Reconciler.Cli.Tests.Hostile;

/// <summary>
/// Issue 20, case 3: a task applied from <c>t.yaml</c>, whose file was then renamed to a name that is not valid UTF-8, was
/// planned as <c>- unmanage … manifest gone</c> beside the report of the unreadable file. Now any unreadable or invalid file
/// holds back every unmanage of the plan, every format says why, and apply keeps the record.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class UnmanageHoldTests
{
    [Fact]
    public async Task Apply_AfterATrackedFileIsRenamedToAnUnreadableName_KeepsItsRecordAndSaysWhy()
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        using var work = new ApplyWorkspace(simulator);
        var renamed = work.AddTask("t.yaml");
        work.AddTask("valid.yaml");
        Assert.Equal(0, (await work.ApplyAsync()).ExitCode);
        var manifests = Path.Combine(work.Path, ApplyWorkspace.ManifestDir, "tasks");
        var text = await File.ReadAllTextAsync(Path.Combine(manifests, "t.yaml"));
        File.Delete(Path.Combine(manifests, "t.yaml"));
        SpecialFiles.WriteWithRawName(manifests, [0x74, 0xFF, .. ".yaml"u8], text);

        var plan = await work.RunAsync(["plan", ApplyWorkspace.ManifestDir, "--state", ApplyWorkspace.StateFile]);
        var json = await work.RunAsync(["plan", ApplyWorkspace.ManifestDir, "--state", ApplyWorkspace.StateFile, "--format", "json"]);
        var markdown = await work.RunAsync(["plan", ApplyWorkspace.ManifestDir, "--state", ApplyWorkspace.StateFile, "--format", "markdown"]);
        var applied = await work.ApplyAsync();

        Assert.Contains($"- unmanage  {renamed}", plan.Out, StringComparison.Ordinal);
        Assert.Contains("! invalid   manifests/tasks/t\uFFFD.yaml", plan.Out, StringComparison.Ordinal);
        Assert.Contains("kept, not unmanaged now: 1 file(s) or folder(s) could not be read or hold an invalid manifest (listed as invalid in this plan)", plan.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("manifest gone", plan.Out, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Out);
        var kept = document.RootElement.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("action").GetString() == "unmanage");
        Assert.Equal("source_incomplete", kept.GetProperty("deferral").GetProperty("kind").GetString());
        Assert.Contains("| unmanage (source incomplete) |", markdown.Out, StringComparison.Ordinal);
        Assert.Contains("kept, not unmanaged now", markdown.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("unmanaged", applied.Out.Split('\n').Last(l => l.Length > 0), StringComparison.Ordinal);
        Assert.Contains(renamed, (await work.StateAsync()).Keys);
    }
}
