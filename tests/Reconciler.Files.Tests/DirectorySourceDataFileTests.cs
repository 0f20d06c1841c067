using Reconciler.Core.Sources;
using Reconciler.Files;
using Reconciler.Testing;
using Reconciler.Testing.Files;

namespace Reconciler.Files.Tests;

/// <summary>CSV files (a TaskSet's items) are listed by the same walk, whatever the glob says, under the same rules, and reported only where a set names them.</summary>
public sealed class DirectorySourceDataFileTests : IDisposable
{
    private readonly TestDirectory _root = new("dir");
    private readonly TestDirectory _outside = new("outside");

    public void Dispose()
    {
        _root.Dispose();
        _outside.Dispose();
    }

    [Fact]
    public void Read_CsvFiles_AreListedBesideTheManifestsAndReadWhole()
    {
        _root.Write("tasks/east.yaml", "a: 1");
        _root.Write("tasks/east.csv", "task_id\nt-1\n");
        _root.Write("data/Regions.CSV", "task_id\n");
        _root.Write(".hidden/secret.csv", "task_id\n");
        _root.Write("tasks/notes.txt", "x");

        var snapshot = new DirectorySource(_root.Path, new ManifestGlob(["tasks/**/*.yaml"])).Read();

        Assert.Equal(["tasks/east.yaml"], snapshot.Files.Select(f => f.Path));
        Assert.Equal(["data/Regions.CSV", "tasks/east.csv"], snapshot.DataFiles.Select(f => f.Path));
        Assert.Equal("task_id\nt-1\n", System.Text.Encoding.UTF8.GetString(snapshot.DataFiles[1].Read().Span));
        Assert.Empty(snapshot.Diagnostics);
    }

    [Fact]
    public void Read_CsvLinkLeadingOutside_IsListedButNeverRead()
    {
        File.WriteAllText(Path.Combine(_outside.Path, "passwd.csv"), "task_id\nroot\n");
        _root.Write("tasks/east.yaml", "a: 1");
        File.CreateSymbolicLink(_root.Combine("tasks/east.csv"), Path.Combine(_outside.Path, "passwd.csv"));

        var snapshot = new DirectorySource(_root.Path).Read();

        var csv = Assert.Single(snapshot.DataFiles);
        var error = Assert.Throws<IOException>(() => csv.Read());
        Assert.Equal("it is a symbolic link leading outside the manifest directory; it is not read", error.Message);
        Assert.Empty(snapshot.Diagnostics); // an unrelated CSV never fails a plan; a set naming it reports this
    }

    [Fact]
    public void Read_CsvLinkInside_IsRead()
    {
        _root.Write("data/real.csv", "task_id\nt-1\n");
        Directory.CreateDirectory(_root.Combine("tasks"));
        File.CreateSymbolicLink(_root.Combine("tasks/east.csv"), _root.Combine("data/real.csv"));

        var snapshot = new DirectorySource(_root.Path).Read();

        Assert.Equal("task_id\nt-1\n", System.Text.Encoding.UTF8.GetString(snapshot.DataFiles.Single(f => f.Path == "tasks/east.csv").Read().Span));
    }

    [Fact]
    public async Task Read_FifoNamedCsv_IsNeverOpened()
    {
        _root.Write("tasks/east.yaml", "a: 1");
        SpecialFiles.MakeFifo(_root.Combine("tasks/east.csv"));

        var snapshot = await Task.Run(() => new DirectorySource(_root.Path).Read()).WaitAsync(TimeSpan.FromSeconds(30));

        var csv = Assert.Single(snapshot.DataFiles);
        Assert.Contains("FIFO", Assert.Throws<IOException>(() => csv.Read()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SetNamingAnOutsideLink_ReportsItWhereTheSetNamesIt()
    {
        File.WriteAllText(Path.Combine(_outside.Path, "passwd.csv"), "task_id\nroot\n");
        _root.Write("tasks/east.yaml", """
            apiVersion: tasks/v2
            kind: TaskSet
            metadata: {name: east, user_id: u-1}
            spec:
              template: {name: 甲, destination_extension: 1, dial_time_id: 2, maximumcall: 3, task_extras: {start_time: "2026-12-01 09:00:00", stop_time: "2027-12-01 18:00:00", pop_mode: 0}}
              itemsFrom: east.csv
            """);
        File.CreateSymbolicLink(_root.Combine("tasks/east.csv"), Path.Combine(_outside.Path, "passwd.csv"));

        var desired = new Core.Validation.ManifestPipeline().Evaluate(new DirectorySource(_root.Path).Read());

        Assert.Empty(desired.Tasks);
        Assert.Equal("tasks/east.csv:1:1: error: cannot read the CSV file: it is a symbolic link leading outside the manifest directory; it is not read", Assert.Single(Assert.Single(desired.Invalid).Diagnostics).ToString());
    }
}
