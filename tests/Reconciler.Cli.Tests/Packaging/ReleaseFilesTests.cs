using System.Text.RegularExpressions;
using Reconciler.Testing;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace Reconciler.Cli.Tests.Packaging;

/// <summary>The release workflow builds both artefacts, and the systemd unit in deploy/ is the one the docs show and fits the service.</summary>
public sealed partial class ReleaseFilesTests
{
    private static readonly string Root = RepositoryRoot.Path;

    [Fact]
    public void ReleaseWorkflow_TestsThenKeepsTheToolPackageAndTheLinuxBinaries()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(Root, ".github", "workflows", "release.yml")))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var job = (YamlMappingNode)((YamlMappingNode)root.Children[new YamlScalarNode("jobs")]).Children.Single().Value;
        var steps = ((YamlSequenceNode)job.Children[new YamlScalarNode("steps")]).Children.Cast<YamlMappingNode>().ToList();
        var runs = steps.Select(s => s.Children.TryGetValue(new YamlScalarNode("run"), out var run) ? ((YamlScalarNode)run).Value! : "").ToList();
        var uploads = steps.Count(s => s.Children.TryGetValue(new YamlScalarNode("uses"), out var uses) && ((YamlScalarNode)uses).Value!.StartsWith("actions/upload-artifact@", StringComparison.Ordinal));

        var test = runs.FindIndex(r => r.Contains("bash .ci/run", StringComparison.Ordinal));
        var pack = runs.FindIndex(r => r.Contains("dotnet pack src/Reconciler.Cli", StringComparison.Ordinal));
        var single = runs.FindIndex(r => r.Contains("-r linux-x64 --self-contained", StringComparison.Ordinal) && r.Contains("-p:PublishSingleFile=true", StringComparison.Ordinal));
        var native = runs.FindIndex(r => r.Contains("dotnet publish src/Reconciler.Validate -c Release -r linux-x64", StringComparison.Ordinal) && r.Contains("artifacts/linux-x64/", StringComparison.Ordinal));
        var nativePlan = runs.FindIndex(r => r.Contains("dotnet publish src/Reconciler.NativePlan -c Release -r linux-x64", StringComparison.Ordinal) && r.Contains("artifacts/plan/libe_sqlite3.so artifacts/linux-x64/", StringComparison.Ordinal));
        Assert.True(test >= 0 && test < pack && test < single && test < native && test < nativePlan, "tests run before anything is built for release");
        Assert.True(single < native, "the native reconciler-validate is kept in the single-file binary's artefact, after it is built");
        Assert.True(single < nativePlan, "the native reconciler-plan and its SQLite library are kept in the single-file binary's artefact, after it is built");
        Assert.Equal(2, uploads);
    }

    [Fact]
    public void SystemdUnit_IsNotifyTypeStopsAfterTheGracePeriodAndIsWhatTheDocsShow()
    {
        var unit = File.ReadAllText(Path.Combine(Root, "deploy", "reconciler.service"));
        string Value(string key) => Regex.Match(unit, $"^{key}=(.*)$", RegexOptions.Multiline).Groups[1].Value;

        Assert.Equal("notify", Value("Type"));
        Assert.EndsWith(" run --config /etc/reconciler/config.json", Value("ExecStart"), StringComparison.Ordinal);
        Assert.Equal("/etc/reconciler/secrets.env", Value("EnvironmentFile"));
        var stop = int.Parse(StopSeconds().Match(Value("TimeoutStopSec")).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(stop > 25 + 15, "TimeoutStopSec must exceed the default grace period (25 s) plus the host's 15 s");
        Assert.Contains("DOTNET_BUNDLE_EXTRACT_BASE_DIR=/var/cache/reconciler", unit, StringComparison.Ordinal); // ProtectHome hides ~/.net

        // docs/service.md shows the file itself, not a copy that drifts.
        var docs = File.ReadAllText(Path.Combine(Root, "docs", "service.md"));
        Assert.Contains("```ini\n" + unit.TrimEnd() + "\n```", docs.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void GitIgnore_HoldsTheFoldersTheReadmesInstallCommandsWrite()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        var ignored = File.ReadAllLines(Path.Combine(Root, ".gitignore")).Select(l => l.Trim()).ToList();

        Assert.Contains("-o ./feed", readme, StringComparison.Ordinal);
        Assert.Contains("-o out", readme, StringComparison.Ordinal);
        Assert.Contains("/feed/", ignored);
        Assert.Contains("/out/", ignored);
    }

    [GeneratedRegex("^([0-9]+)s$")]
    private static partial Regex StopSeconds();
}
