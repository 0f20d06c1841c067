using Reconciler.Core.Sources;
using Reconciler.Core.Validation;
using Reconciler.Files;
using Reconciler.Testing;

namespace Reconciler.Files.Tests;

public sealed class DirectorySourceTests : IDisposable
{
    private readonly TestDirectory _rootDirectory = new("dir");
    private readonly TestDirectory _outsideDirectory = new("outside");

    private string Root => _rootDirectory.Path;

    private string Outside => _outsideDirectory.Path;

    public void Dispose()
    {
        _rootDirectory.Dispose();
        _outsideDirectory.Dispose();
    }

    private void Write(string path, string text = "a: 1")
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    private string[] Paths(ManifestGlob? glob = null) => new DirectorySource(Root, glob).Read().Files.Select(f => f.Path).ToArray();

    [Fact]
    public void Read_DefaultGlob_TakesYamlAndSkipsHiddenDirectories()
    {
        Write("tasks/a.yaml");
        Write("tasks/deep/b.yml");
        Write("tasks/notes.txt");
        Write(".github/workflows/plan.yml");
        Write(".git/config.yaml");
        Write("tasks/.drafts/c.yaml");
        Assert.Equal(["tasks/a.yaml", "tasks/deep/b.yml"], Paths());
    }

    [Fact]
    public void Read_IncludeAndExclude_AreApplied()
    {
        Write("tasks/a.yaml");
        Write("tasks/old/b.yaml");
        Write("other/c.yaml");
        Assert.Equal(["tasks/a.yaml"], Paths(new ManifestGlob(["tasks/**/*.yaml"], ["tasks/old/**"])));
    }

    [Fact]
    public void Read_SymlinkLeadingOutside_IsReportedAndNotRead()
    {
        File.WriteAllText(Path.Combine(Outside, "secret.yaml"), "password: x");
        Directory.CreateDirectory(Path.Combine(Root, "tasks"));
        File.CreateSymbolicLink(Path.Combine(Root, "tasks", "link.yaml"), Path.Combine(Outside, "secret.yaml"));
        Directory.CreateSymbolicLink(Path.Combine(Root, "tasks", "linked-dir"), Outside);

        var snapshot = new DirectorySource(Root).Read();

        Assert.Empty(snapshot.Files);
        Assert.Equal(2, snapshot.Diagnostics.Count);
        Assert.All(snapshot.Diagnostics, d => Assert.Equal("file-symlink", d.Code));
        Assert.Contains(snapshot.Diagnostics, d => d.Location!.File == "tasks/link.yaml");
        var desired = DesiredState.Build([], snapshot.Diagnostics);
        Assert.Equal(2, desired.Invalid.Count);
    }

    [Fact]
    public void Read_SymlinkStayingInside_IsFollowed()
    {
        Write("shared/base.yaml");
        Directory.CreateDirectory(Path.Combine(Root, "tasks"));
        File.CreateSymbolicLink(Path.Combine(Root, "tasks", "link.yaml"), Path.Combine(Root, "shared", "base.yaml"));
        Assert.Equal(["shared/base.yaml", "tasks/link.yaml"], Paths());
    }

    [Fact]
    public void Read_SymlinkedRootDirectory_IsResolvedFirst()
    {
        Write("tasks/a.yaml");
        var link = Path.Combine(Outside, "root-link");
        Directory.CreateSymbolicLink(link, Root);
        Assert.Equal(["tasks/a.yaml"], new DirectorySource(link).Read().Files.Select(f => f.Path));
    }

    [Fact]
    public void Read_MissingDirectory_Throws()
    {
        Assert.Throws<DirectoryNotFoundException>(() => new DirectorySource(Path.Combine(Root, "nope")).Read());
    }
}
