using System.Diagnostics;
using Reconciler.Core.Diagnostics;
using Reconciler.Testing.Files;
using Reconciler.Testing.Git;

namespace Reconciler.Git.Tests;

/// <summary>Tree entries the git source does not read as manifests are named, never skipped silently.</summary>
public sealed class GitTreeHostileTests : IDisposable
{
    private readonly GitSourceHarness _h = new();

    public void Dispose() => _h.Dispose();

    [GitCliFact(Timeout = 60_000)]
    public async Task Fetch_NameNotValidUtf8_IsAnErrorAndTheRestIsRead()
    {
        _h.Remote.Write("tasks/valid.yaml", "a: 1");
        SpecialFiles.WriteWithRawName(Path.Combine(_h.Remote.WorkPath, "tasks"), [0x62, 0xFF, .. ".yaml"u8], "a: 1");
        Git("add", "-A");
        Git("-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qm", "raw name");
        Git("push", "-q", "origin", "HEAD:main");

        var snapshot = (await _h.Source().FetchAsync(_h.Token)).Snapshot;

        Assert.Equal(["tasks/valid.yaml"], snapshot.Files.Select(f => f.Path));
        var diagnostic = Assert.Single(snapshot.Diagnostics);
        Assert.Equal((Severity.Error, "git-name-encoding"), (diagnostic.Severity, diagnostic.Code));
        Assert.StartsWith("tasks/b\uFFFD", diagnostic.Location!.File, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Fetch_UpperCaseExtensions_AreManifests()
    {
        _h.Push("case", ("tasks/A.YAML", "a: 1"), ("tasks/b.Yml", "b: 1"), ("tasks/c.txt", "c"));

        var snapshot = (await _h.Source().FetchAsync(_h.Token)).Snapshot;

        Assert.Equal(["tasks/A.YAML", "tasks/b.Yml"], snapshot.Files.Select(f => f.Path));
    }

    [Fact(Timeout = 60_000)]
    public async Task Fetch_SettingsFileAtTheManifestRoot_IsHandedOverAndNotAManifest()
    {
        _h.Push("settings", ("tasks/.reconciler.yaml", "allowExtraFields: [spec.x]\n"), ("tasks/a.yaml", "a: 1"), (".reconciler.yaml", "not: this one"));

        var snapshot = (await _h.Source(path: "tasks").FetchAsync(_h.Token)).Snapshot;

        Assert.Equal(["a.yaml"], snapshot.Files.Select(f => f.Path));
        Assert.Equal("allowExtraFields: [spec.x]\n", System.Text.Encoding.UTF8.GetString(snapshot.Settings!.Read().Span));
    }

    [Fact(Timeout = 60_000)]
    public async Task Fetch_PolicyAtTheManifestRoot_IsHandedOverAndNotAManifest()
    {
        _h.Push("policy", ("tasks/.reconciler/policy.yaml", "limits: {max_changed_tasks: 5}\n"), ("tasks/a.yaml", "a: 1"), (".reconciler/policy.yaml", "not: this one"));

        var snapshot = (await _h.Source(path: "tasks").FetchAsync(_h.Token)).Snapshot;

        Assert.Equal(["a.yaml"], snapshot.Files.Select(f => f.Path));
        Assert.Equal("limits: {max_changed_tasks: 5}\n", System.Text.Encoding.UTF8.GetString(snapshot.Policy!.Read().Span));
    }

    private void Git(params string[] args)
    {
        var start = new ProcessStartInfo(GitCli.Executable!) { WorkingDirectory = _h.Remote.WorkPath, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var git = Process.Start(start)!;
        var error = git.StandardError.ReadToEndAsync();
        git.StandardOutput.ReadToEnd();
        Assert.True(git.WaitForExit(TimeSpan.FromSeconds(30)) && git.ExitCode == 0, $"git {string.Join(' ', args)}: {error.Result}");
    }
}
