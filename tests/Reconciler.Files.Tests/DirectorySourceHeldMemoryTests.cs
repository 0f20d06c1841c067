using System.Reflection;
using System.Text;
using Reconciler.Testing;

namespace Reconciler.Files.Tests;

/// <summary>
/// What the listing holds for every file while a plan runs (docs/performance.md, "Round six"): a file found where its
/// path says is read by the root and that path, with no absolute copy of the path per file; a file reached through a
/// symbolic link keeps where the link leads.
/// </summary>
public sealed class DirectorySourceHeldMemoryTests : IDisposable
{
    private readonly TestDirectory _root = new("held");
    private readonly TestDirectory _elsewhere = new("held-target");

    public void Dispose()
    {
        _root.Dispose();
        _elsewhere.Dispose();
    }

    [Fact]
    public void Read_PlainFile_ReaderHoldsTheListedPathAndNoAbsoluteOne()
    {
        Directory.CreateDirectory(Path.Combine(_root.Path, "tasks"));
        File.WriteAllText(Path.Combine(_root.Path, "tasks", "a.yaml"), "a: 1");

        var file = new DirectorySource(_root.Path).Read().Files.Single();

        var held = Held(file.Read);
        Assert.Contains(held, v => ReferenceEquals(v, file.Path));
        Assert.DoesNotContain(held, v => v is string s && s.EndsWith("/tasks/a.yaml", StringComparison.Ordinal));
        Assert.Equal("a: 1", Encoding.UTF8.GetString(file.Read().Span));
    }

    [Fact]
    public void Read_FileInALinkedDirectory_IsReadWhereTheLinkLeads()
    {
        Directory.CreateDirectory(Path.Combine(_root.Path, "real"));
        File.WriteAllText(Path.Combine(_root.Path, "real", "b.yaml"), "b: 2");
        Directory.CreateSymbolicLink(Path.Combine(_root.Path, "linked"), Path.Combine(_root.Path, "real"));

        var file = new DirectorySource(_root.Path).Read().Files.Single(); // the real directory is the linked one, read once

        Assert.Equal("linked/b.yaml", file.Path);
        Assert.DoesNotContain(Held(file.Read), v => ReferenceEquals(v, file.Path));
        Assert.Equal("b: 2", Encoding.UTF8.GetString(file.Read().Span));
    }

    private static List<object?> Held(Delegate reader) =>
        reader.Target!.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).Select(f => f.GetValue(reader.Target)).ToList();
}
