using System.Text;
using Reconciler.Core.Manifests;
using Reconciler.Core.Validation;
using Reconciler.Testing.Files;

namespace Reconciler.Files.Tests;

/// <summary>Entries that are not plain readable files: each is a diagnostic naming it, never a hang, and the rest is still read.</summary>
public sealed class DirectorySourceHostileTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private readonly string _root = Directory.CreateTempSubdirectory("reconciler-hostile-").FullName;

    public DirectorySourceHostileTests()
    {
        // Readable by the unprivileged file user of AsUnprivilegedFileUser.
        File.SetUnixFileMode(_root, (UnixFileMode)0x1ED);
        Write("tasks/valid.yaml", "a: 1");
    }

    public void Dispose()
    {
        foreach (var directory in Directory.EnumerateDirectories(_root, "*", SearchOption.AllDirectories))
        {
            File.SetUnixFileMode(directory, (UnixFileMode)0x1ED);
        }

        SpecialFiles.DeleteTree(_root);
    }

    [Fact]
    public async Task Read_FifoNamedYaml_IsDiagnosticAndDoesNotHang()
    {
        SpecialFiles.MakeFifo(Path.Combine(_root, "tasks", "task.yaml"));

        var snapshot = await ReadBoundedAsync();

        Assert.Equal(["tasks/valid.yaml"], snapshot.Files.Select(f => f.Path));
        var problem = Assert.Single(snapshot.Diagnostics);
        Assert.Equal("file-not-regular", problem.Code);
        Assert.Equal("tasks/task.yaml", problem.Location!.File);
        Assert.Contains("FIFO", problem.Message, StringComparison.Ordinal);
    }

    [RootFact]
    public async Task Read_CharacterDeviceNamedYaml_IsDiagnosticAndNeverOpened()
    {
        SpecialFiles.MakeZeroDevice(Path.Combine(_root, "tasks", "zero.yaml"));

        var snapshot = await ReadBoundedAsync();

        Assert.Equal(["tasks/valid.yaml"], snapshot.Files.Select(f => f.Path));
        Assert.Contains("character device", Assert.Single(snapshot.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_SocketAndLinkToFifo_AreDiagnostics()
    {
        using var socket = SpecialFiles.MakeSocket(Path.Combine(_root, "tasks", "socket.yaml"));
        SpecialFiles.MakeFifo(Path.Combine(_root, "pipe"));
        File.CreateSymbolicLink(Path.Combine(_root, "tasks", "pipe.yml"), Path.Combine(_root, "pipe"));

        var snapshot = await ReadBoundedAsync();

        Assert.Equal(["tasks/valid.yaml"], snapshot.Files.Select(f => f.Path));
        Assert.Equal(["tasks/pipe.yml", "tasks/socket.yaml"], snapshot.Diagnostics.Select(d => d.Location!.File));
        Assert.All(snapshot.Diagnostics, d => Assert.Equal("file-not-regular", d.Code));
    }

    [Fact]
    public async Task Read_DanglingSymlink_IsDiagnosticNamingItsTarget()
    {
        File.CreateSymbolicLink(Path.Combine(_root, "tasks", "gone.yaml"), Path.Combine(_root, "tasks", "moved.yaml"));

        var snapshot = await ReadBoundedAsync();

        var problem = Assert.Single(snapshot.Diagnostics);
        Assert.Equal(("file-symlink-dangling", "tasks/gone.yaml"), (problem.Code, problem.Location!.File));
        Assert.Contains("moved.yaml", problem.Message, StringComparison.Ordinal);
        Assert.Contains("tasks/gone.yaml", DesiredState.Build([], snapshot.Diagnostics).UnreadableFiles);
    }

    [Fact]
    public void Read_UnreadableDirectory_IsDiagnosticAndTheRestIsRead()
    {
        Write("tasks/secret/a.yaml", "a: 1");
        File.SetUnixFileMode(Path.Combine(_root, "tasks", "secret"), UnixFileMode.None);

        var snapshot = SpecialFiles.AsUnprivilegedFileUser(() => new DirectorySource(_root).Read());

        Assert.Equal(["tasks/valid.yaml"], snapshot.Files.Select(f => f.Path));
        var problem = Assert.Single(snapshot.Diagnostics);
        Assert.Equal(("directory-unreadable", "tasks/secret/"), (problem.Code, problem.Location!.File));
        Assert.Contains("permission denied", problem.Message, StringComparison.Ordinal);
        Assert.True(DesiredState.Build([], snapshot.Diagnostics).MayHold("tasks/secret/a.yaml"));
    }

    [Fact]
    public void Read_UnreadableFile_IsListedAndItsReadFailsWithoutThePath()
    {
        var path = Write("tasks/locked.yaml", "a: 1");
        File.SetUnixFileMode(path, UnixFileMode.None);

        var problem = SpecialFiles.AsUnprivilegedFileUser(() =>
        {
            var file = new DirectorySource(_root).Read().Files.Single(f => f.Path == "tasks/locked.yaml");
            return Assert.Throws<IOException>(() => file.Read());
        });

        Assert.Equal("cannot open the file: permission denied", problem.Message);
    }

    [Fact]
    public void Read_NameNotValidUtf8_IsDiagnostic()
    {
        SpecialFiles.WriteWithRawName(Path.Combine(_root, "tasks"), [0x74, 0xFF, 0xFE, .. ".yaml"u8], "a: 1");

        var snapshot = new DirectorySource(_root).Read();

        Assert.Equal(["tasks/valid.yaml"], snapshot.Files.Select(f => f.Path));
        var problem = Assert.Single(snapshot.Diagnostics);
        Assert.Equal("file-name-encoding", problem.Code);
        Assert.StartsWith("tasks/t\uFFFD", problem.Location!.File, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UpperCaseExtensions_AreManifests()
    {
        Write("tasks/B.YAML", "a: 1");
        Write("tasks/c.Yml", "a: 1");

        Assert.Equal(["tasks/B.YAML", "tasks/c.Yml", "tasks/valid.yaml"], new DirectorySource(_root).Read().Files.Select(f => f.Path));
    }

    [Fact]
    public void Read_FileGrowingAfterListing_ReadsAtMostOneBytePastTheLimit()
    {
        var path = Write("tasks/grows.yaml", "a: 1");
        var file = new DirectorySource(_root, maxFileBytes: 1024).Read().Files.Single(f => f.Path == "tasks/grows.yaml");
        File.WriteAllBytes(path, new byte[1024 * 1024]);

        Assert.Equal(4, file.Length);
        Assert.Equal(1025, file.Read().Length);
    }

    [Fact]
    public void Read_ControlCharactersInName_AreListedUnchanged()
    {
        Write("tasks/new\nline\u001b[2J.yaml", "a: 1");

        Assert.Contains("tasks/new\nline\u001b[2J.yaml", new DirectorySource(_root).Read().Files.Select(f => f.Path));
    }

    [Fact]
    public void Read_SettingsFileAtTheRoot_IsHandedOverAndNotAManifest()
    {
        Write(".reconciler.yaml", "allowExtraFields: [spec.x]\n");
        Write("tasks/.reconciler.yaml", "a: 1");

        var snapshot = new DirectorySource(_root, new Core.Sources.ManifestGlob(["tasks/**/*.yaml"])).Read();

        Assert.Equal(".reconciler.yaml", snapshot.Settings!.Path);
        Assert.Equal("allowExtraFields: [spec.x]\n", Encoding.UTF8.GetString(snapshot.Settings.Read().Span));
        Assert.DoesNotContain(".reconciler.yaml", snapshot.Files.Select(f => f.Path));
    }

    [Fact]
    public void Read_PolicyInItsHiddenFolder_IsHandedOverAndNothingElseThereIsRead()
    {
        Write(".reconciler/policy.yaml", "limits: {max_changed_tasks: 5}\n");
        Write(".reconciler/other.yaml", "a: 1");
        Write("tasks/a.yaml", "a: 1");

        var snapshot = new DirectorySource(_root, new Core.Sources.ManifestGlob(["**/*.yaml"], [])).Read();

        Assert.Equal(".reconciler/policy.yaml", snapshot.Policy!.Path);
        Assert.Equal("limits: {max_changed_tasks: 5}\n", Encoding.UTF8.GetString(snapshot.Policy.Read().Span));
        Assert.Contains("tasks/a.yaml", snapshot.Files.Select(f => f.Path));
        Assert.DoesNotContain(snapshot.Files, f => f.Path.StartsWith(".reconciler/", StringComparison.Ordinal));
    }

    private async Task<SourceSnapshot> ReadBoundedAsync() =>
        await Task.Run(() => new DirectorySource(_root).Read()).WaitAsync(Bound);

    private string Write(string relative, string text)
    {
        var full = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text, new UTF8Encoding(false));
        return full;
    }
}
