using System.Text;
using Reconciler.Testing;
using Reconciler.Testing.Files;

namespace Reconciler.Files.Tests;

/// <summary>Writes that stay inside their directory, with openat (Linux) and with the portable walk.</summary>
public sealed class ContainedDirectoryTests : IDisposable
{
    private readonly TestDirectory _directory = new("contained");

    public static TheoryData<bool> Walks() => new() { true, false };

    private string Root => _directory.Combine("repo");

    [Theory]
    [MemberData(nameof(Walks))]
    public void Open_MissingFolders_AreCreatedAndAFileIsWrittenAndReadBack(bool handles)
    {
        if (Skip(handles))
        {
            return;
        }

        Directory.CreateDirectory(Root);
        using var folder = ContainedDirectory.Open(Root, "tasks/imported", handles);

        Assert.Null(folder.CreateFile("a.yaml", "内容"u8));
        Assert.Equal("内容", Encoding.UTF8.GetString(folder.ReadFile("a.yaml", 100).Span));
        Assert.Equal("tasks/imported/a.yaml already exists: it is not overwritten", folder.CreateFile("a.yaml", "x"u8));
        folder.Remove("a.yaml");
        Assert.False(File.Exists(Path.Combine(Root, "tasks", "imported", "a.yaml")));
    }

    [Theory]
    [MemberData(nameof(Walks))]
    public void CreateFile_SymlinkAtTheName_IsRefusedAndItsTargetUntouched(bool handles)
    {
        if (Skip(handles))
        {
            return;
        }

        var outside = _directory.Write("outside.txt", "keep");
        Directory.CreateDirectory(Path.Combine(Root, "tasks"));
        File.CreateSymbolicLink(Path.Combine(Root, "tasks", "a.yaml"), outside);
        File.CreateSymbolicLink(Path.Combine(Root, "tasks", "b.yaml"), _directory.Combine("nowhere.yaml"));
        using var folder = ContainedDirectory.Open(Root, "tasks", handles);

        Assert.Equal("tasks/a.yaml is a symbolic link: nothing is written through it", folder.CreateFile("a.yaml", "x"u8));
        Assert.Equal("tasks/b.yaml is a symbolic link: nothing is written through it", folder.CreateFile("b.yaml", "x"u8));
        Assert.Equal("keep", File.ReadAllText(outside));
        Assert.False(File.Exists(_directory.Combine("nowhere.yaml")));
        Assert.Throws<IOException>(() => folder.ReadFile("a.yaml", 10));
    }

    [Theory]
    [MemberData(nameof(Walks))]
    public void Open_SymlinkOrFileOnTheWay_IsRefusedNamingIt(bool handles)
    {
        if (Skip(handles))
        {
            return;
        }

        var elsewhere = Directory.CreateDirectory(_directory.Combine("elsewhere")).FullName;
        Directory.CreateDirectory(Path.Combine(Root, "a"));
        Directory.CreateSymbolicLink(Path.Combine(Root, "a", "linked"), elsewhere);
        File.WriteAllText(Path.Combine(Root, "a", "file"), "");

        var link = Assert.Throws<ContainmentException>(() => ContainedDirectory.Open(Root, "a/linked/deeper", handles));
        var file = Assert.Throws<ContainmentException>(() => ContainedDirectory.Open(Root, "a/file", handles));
        var up = Assert.Throws<ContainmentException>(() => ContainedDirectory.Open(Root, "a/../../elsewhere", handles));

        Assert.Equal("a/linked is a symbolic link: nothing is written through it", link.Message);
        Assert.Equal("a/file is a regular file, not a folder: nothing is written there", file.Message);
        Assert.Contains("leaves the directory", up.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(elsewhere));
    }

    [Theory]
    [MemberData(nameof(Walks))]
    public void CreateFile_FifoAtTheName_IsRefusedWithoutWaiting(bool handles)
    {
        if (Skip(handles) || !OperatingSystem.IsLinux())
        {
            return;
        }

        Directory.CreateDirectory(Root);
        SpecialFiles.MakeFifo(Path.Combine(Root, "pipe.yaml"));
        using var folder = ContainedDirectory.Open(Root, "", handles);

        Assert.Equal("pipe.yaml is a FIFO (named pipe): nothing is written there", folder.CreateFile("pipe.yaml", "x"u8));
        Assert.Throws<IOException>(() => folder.ReadFile("pipe.yaml", 10));
    }

    public void Dispose() => _directory.Dispose();

    // The openat walk exists only where its flag values are known (Linux on x86-64 and arm64).
    private static bool Skip(bool handles) => handles && !LinuxAt.Available;
}
