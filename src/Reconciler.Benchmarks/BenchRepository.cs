using LibGit2Sharp;

namespace Reconciler.Benchmarks;

/// <summary>A bare "remote" and a working clone that commits and pushes to it, made with LibGit2Sharp in a temp folder.</summary>
internal sealed class BenchRepository : IDisposable
{
    private readonly Repository _work;
    private int _commits;

    public BenchRepository()
    {
        Root = Path.Combine(Path.GetTempPath(), $"reconciler-bench-{Guid.NewGuid():N}");
        BarePath = Path.Combine(Root, "remote.git");
        WorkPath = Path.Combine(Root, "work");
        Repository.Init(BarePath, isBare: true);
        using (var bare = new Repository(BarePath))
        {
            bare.Refs.UpdateTarget("HEAD", "refs/heads/main");
        }

        Repository.Init(WorkPath);
        _work = new Repository(WorkPath);
        _work.Refs.UpdateTarget("HEAD", "refs/heads/main");
        _work.Network.Remotes.Add("origin", BarePath);
    }

    public string Root { get; }

    public string BarePath { get; }

    public string WorkPath { get; }

    public void Write(string relativePath, string text)
    {
        var full = Path.Combine(WorkPath, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    public string CommitAndPush(string message)
    {
        Commands.Stage(_work, "*");
        var signature = new Signature("Bench", "bench@reconciler.invalid", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(_commits++));
        var commit = _work.Commit(message, signature, signature);
        _work.Network.Push(_work.Network.Remotes["origin"], "refs/heads/main:refs/heads/main");
        return commit.Sha;
    }

    public void Dispose()
    {
        _work.Dispose();
        try
        {
            foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }

            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
