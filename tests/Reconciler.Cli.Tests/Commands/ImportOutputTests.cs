using Reconciler.Cli.Tests.Support;
using Reconciler.Core.Importing;
using Reconciler.Testing.Files;

namespace Reconciler.Cli.Tests.Commands;

/// <summary>Where import writes: inside --out only, never through a link or over a file, one name per id, one bad task never stopping the rest.</summary>
public sealed class ImportOutputTests
{
    [Fact]
    public async Task Import_SymlinkAtTheTargetFile_IsRefusedAndTheFileOutsideIsKept()
    {
        await using var bench = await ImportBench.StartAsync();
        bench.AddTask("linked");
        bench.AddTask("plain");
        var outside = Path.Combine(bench.Path, "outside.txt");
        File.WriteAllText(outside, "keep");
        Directory.CreateDirectory(bench.File("tasks"));
        File.CreateSymbolicLink(bench.File("tasks/linked.yaml"), outside);

        var import = await bench.ImportAsync();

        Assert.Equal(1, import.ExitCode);
        Assert.Contains("task linked: not written: tasks/linked.yaml is a symbolic link: nothing is written through it", import.Error, StringComparison.Ordinal);
        Assert.Equal("keep", File.ReadAllText(outside));
        Assert.True(File.Exists(bench.File("tasks/plain.yaml")), import.ToString());
    }

    [Fact]
    public async Task Import_DanglingSymlinkAtTheTargetFile_CreatesNothingThroughIt()
    {
        await using var bench = await ImportBench.StartAsync();
        bench.AddTask("dangling");
        var target = Path.Combine(bench.Path, "created-through-the-link.yaml");
        Directory.CreateDirectory(bench.File("tasks"));
        File.CreateSymbolicLink(bench.File("tasks/dangling.yaml"), target);

        var import = await bench.ImportAsync();

        Assert.Equal(1, import.ExitCode);
        Assert.Contains("tasks/dangling.yaml is a symbolic link", import.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public async Task Import_OutFolderThatIsASymlink_IsRefusedBeforeAnythingIsWritten()
    {
        await using var bench = await ImportBench.StartAsync();
        bench.AddTask("a");
        var elsewhere = Directory.CreateDirectory(Path.Combine(bench.Path, "elsewhere")).FullName;
        Directory.CreateDirectory(bench.Repo);
        Directory.CreateSymbolicLink(bench.File("tasks"), elsewhere);

        var import = await bench.ImportAsync();
        var outside = await bench.ImportAsync("--out", "../elsewhere");

        Assert.Equal(1, import.ExitCode);
        Assert.Contains("cannot write manifests to tasks: tasks is a symbolic link: nothing is written through it", import.Error, StringComparison.Ordinal);
        Assert.Equal(1, outside.ExitCode);
        Assert.Contains("--out must be a folder inside", outside.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(elsewhere));
    }

    [Fact]
    public async Task Import_FifoAtTheTargetFile_IsRefusedNamingItWithoutWaiting()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // mkfifo is Linux-only here; the product's walk is the same elsewhere
        }

        await using var bench = await ImportBench.StartAsync();
        bench.AddTask("piped");
        Directory.CreateDirectory(bench.File("tasks"));
        SpecialFiles.MakeFifo(bench.File("tasks/piped.yaml"));

        var import = await bench.ImportAsync();

        Assert.Equal(1, import.ExitCode);
        Assert.Contains("tasks/piped.yaml is a FIFO (named pipe): nothing is written there", import.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_IdsThatUsedToShareAFile_GetOneFileEachOrARefusalNamingBoth()
    {
        await using var bench = await ImportBench.StartAsync();
        bench.AddTask("a.b", "点");
        bench.AddTask("a_b", "下划线");
        bench.AddTask("A.B", "大写");

        var import = await bench.ImportAsync();

        Assert.Equal(1, import.ExitCode);
        Assert.Contains("大写", File.ReadAllText(bench.File("tasks/A_2EB.yaml")), StringComparison.Ordinal);
        Assert.False(File.Exists(bench.File("tasks/a_2Eb.yaml")));
        Assert.Contains("下划线", File.ReadAllText(bench.File("tasks/a_5Fb.yaml")), StringComparison.Ordinal);
        Assert.Contains("reconciler: error: task a.b: its file name would be the one of task A.B on a file system that ignores letter case", import.Error, StringComparison.Ordinal);
        Assert.Contains("Import: 2 written, 2 valid", import.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_IdsThatLookLikePaths_StayInsideTheOutputFolderAndDotSegmentsAreNotRequested()
    {
        await using var bench = await ImportBench.StartAsync();
        string[] pathLike = ["../../escape", "/etc/cron.d/x", "a/b", @"..\..\win", "~", ".yaml", "tasks"];
        foreach (var id in pathLike.Concat(["..", "."]))
        {
            bench.AddTask(id, "路径");
        }

        var import = await bench.ImportAsync("--track", "--state", "state.db");

        Assert.Equal(1, import.ExitCode);
        Assert.Contains("reconciler: error: task ..: its detail could not be read: the id is '.' or '..', which a URL path cannot carry", import.Error, StringComparison.Ordinal);
        Assert.Contains("reconciler: error: task .: its detail could not be read: the id is '.' or '..'", import.Error, StringComparison.Ordinal);
        Assert.Contains($"Import: {pathLike.Length} written", import.Out, StringComparison.Ordinal);
        var written = Directory.GetFiles(bench.Path, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(bench.Path, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => !f.StartsWith("state.db", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        Assert.Equal(pathLike.Select(id => "repo/tasks/" + ImportFileNames.For(id)).Order(StringComparer.Ordinal), written);
        Assert.Contains("repo/tasks/_2E_2E_2F_2E_2E_2Fescape.yaml", written);
        foreach (var id in pathLike)
        {
            Assert.Contains($"task_id: \"{id.Replace(@"\", @"\\", StringComparison.Ordinal)}\"", File.ReadAllText(bench.File("tasks/" + ImportFileNames.For(id))), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Import_A300CharacterId_GetsAShortHashedNameAndTheOthersAreImported()
    {
        await using var bench = await ImportBench.StartAsync();
        var longId = new string('x', 300);
        bench.AddTask(longId, "很长的编号");
        bench.AddTask("after");

        var import = await bench.ImportAsync("--track", "--state", "state.db");

        Assert.True(import.ExitCode == 0, import.ToString());
        var file = Assert.Single(Directory.GetFiles(bench.File("tasks"), "x*"));
        Assert.Matches("^x{100}~[0-9a-f]{16}\\.yaml$", Path.GetFileName(file));
        Assert.Contains($"task_id: \"{longId}\"", File.ReadAllText(file), StringComparison.Ordinal);
        Assert.True(File.Exists(bench.File("tasks/after.yaml")));
        Assert.Contains("Tracked 2 task(s)", import.Out, StringComparison.Ordinal);
    }
}
