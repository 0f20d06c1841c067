using LibGit2Sharp;

using Reconciler.Testing;

namespace Reconciler.Testing.Git;

/// <summary>
/// A git "server" for tests, built with LibGit2Sharp only: a bare repository (the remote) and a working
/// repository that writes files, commits with a fixed author and injected timestamps, and pushes to it.
/// It can rewrite history and force-push, delete branches on the remote, and take the remote offline.
/// Commits are reproducible: the same steps give the same commit ids.
/// </summary>
public sealed class TestGitRemote : IDisposable
{
    /// <summary>The first commit's time when no clock is given; each further commit is one minute later.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2024, 12, 23, 9, 0, 0, TimeSpan.FromHours(8));

    private readonly TestDirectory _directory;
    private readonly TimeProvider? _clock;
    private readonly Repository _work;
    private int _commits;

    /// <param name="branch">The initial branch, also the remote's default branch.</param>
    /// <param name="clock">Gives commit times; when null a stepping clock from <see cref="DefaultStart"/> is used.</param>
    public TestGitRemote(string branch = "main", TimeProvider? clock = null)
    {
        _clock = clock;
        _directory = new TestDirectory("git-remote");
        BarePath = _directory.Combine("remote.git");
        WorkPath = _directory.Combine("work");
        Repository.Init(BarePath, isBare: true);
        using (var bare = new Repository(BarePath))
        {
            bare.Refs.UpdateTarget("HEAD", "refs/heads/" + branch);
        }

        Repository.Init(WorkPath);
        _work = new Repository(WorkPath);
        _work.Refs.UpdateTarget("HEAD", "refs/heads/" + branch);
        _work.Network.Remotes.Add("origin", BarePath);
    }

    /// <summary>The bare repository's folder.</summary>
    public string BarePath { get; }

    /// <summary>The working repository's folder (a normal clone with an <c>origin</c> remote).</summary>
    public string WorkPath { get; }

    /// <summary>The remote as a local path.</summary>
    public string Url => BarePath;

    /// <summary>The remote as a <c>file://</c> URL.</summary>
    public string FileUrl => new Uri(BarePath).AbsoluteUri;

    /// <summary>The parent folder of <see cref="BarePath"/>: the base path to serve over git:// or http.</summary>
    public string ServeRoot => _directory.Path;

    /// <summary>The bare repository's folder name under <see cref="ServeRoot"/>.</summary>
    public string RepositoryName => Path.GetFileName(BarePath);

    public string CurrentBranch => _work.Head.FriendlyName;

    public string HeadCommitId => _work.Head.Tip?.Sha ?? throw new InvalidOperationException("nothing committed yet");

    public Repository WorkingRepository => _work;

    public TestGitRemote Write(string path, string content) =>
        WriteBytes(path, new System.Text.UTF8Encoding(false).GetBytes(content));

    public TestGitRemote WriteBytes(string path, byte[] content)
    {
        var full = Full(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
        return this;
    }

    public TestGitRemote Delete(string path)
    {
        File.Delete(Full(path));
        return this;
    }

    public TestGitRemote Move(string from, string to)
    {
        var target = Full(to);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(Full(from), target);
        return this;
    }

    /// <summary>Creates a symbolic link in the working tree; it is committed as a link (mode 120000).</summary>
    public TestGitRemote Symlink(string path, string target)
    {
        var full = Full(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.CreateSymbolicLink(full, target);
        return this;
    }

    /// <summary>Stages everything (additions, changes, deletions) and commits; returns the commit id.</summary>
    public string Commit(string message)
    {
        Commands.Stage(_work, "*");
        var signature = NextSignature();
        return _work.Commit(message, signature, signature, new CommitOptions { AllowEmptyCommit = true }).Sha;
    }

    /// <summary>Commits a submodule entry (mode 160000) pointing at <paramref name="commitId"/>; no .gitmodules needed for a tree reader.</summary>
    public string CommitSubmodule(string path, string commitId, string message)
    {
        var head = _work.Head.Tip ?? throw new InvalidOperationException("commit something first");
        var definition = TreeDefinition.From(head.Tree);
        definition.AddGitLink(path, new ObjectId(commitId));
        var tree = _work.ObjectDatabase.CreateTree(definition);
        var signature = NextSignature();
        var commit = _work.ObjectDatabase.CreateCommit(signature, signature, message, tree, [head], prettifyMessage: true);
        _work.Reset(ResetMode.Hard, commit);
        return commit.Sha;
    }

    public string CommitAndPush(string message)
    {
        var id = Commit(message);
        Push();
        return id;
    }

    /// <summary>Pushes the current branch (fast-forward only).</summary>
    public void Push() => PushSpec($"refs/heads/{CurrentBranch}:refs/heads/{CurrentBranch}");

    /// <summary>Pushes the current branch over whatever the remote has: history rewritten.</summary>
    public void ForcePush() => PushSpec($"+refs/heads/{CurrentBranch}:refs/heads/{CurrentBranch}");

    /// <summary>Moves the current branch to another commit, discarding later ones (the first half of a rewrite).</summary>
    public void ResetHard(string commitish) => _work.Reset(ResetMode.Hard, _work.Lookup<Commit>(commitish) ?? throw new ArgumentException($"no commit {commitish}"));

    public void CreateBranch(string name)
    {
        var branch = _work.CreateBranch(name);
        Commands.Checkout(_work, branch);
    }

    public void Checkout(string name) => Commands.Checkout(_work, _work.Branches[name] ?? throw new ArgumentException($"no branch {name}"));

    /// <summary>Tags the current commit (annotated when a message is given) and pushes the tag.</summary>
    public void Tag(string name, string? message = null)
    {
        if (message is null)
        {
            _work.ApplyTag(name);
        }
        else
        {
            _work.ApplyTag(name, NextSignature(), message);
        }

        PushSpec($"refs/tags/{name}:refs/tags/{name}");
    }

    /// <summary>Deletes a branch on the remote, as a merged-and-deleted pull request branch.</summary>
    public void DeleteRemoteBranch(string name)
    {
        using var bare = new Repository(BarePath);
        bare.Refs.Remove("refs/heads/" + name);
    }

    /// <summary>The commit a branch points at on the remote, or null.</summary>
    public string? RemoteCommitId(string branch)
    {
        using var bare = new Repository(BarePath);
        return bare.Refs["refs/heads/" + branch]?.ResolveToDirectReference()?.TargetIdentifier;
    }

    /// <summary>The remote disappears (renamed away): fetches fail until <see cref="BringOnline"/>.</summary>
    public void TakeOffline() => Directory.Move(BarePath, BarePath + ".offline");

    public void BringOnline() => Directory.Move(BarePath + ".offline", BarePath);

    public void Dispose()
    {
        _work.Dispose();
        _directory.Dispose();
    }

    private void PushSpec(string refSpec) => _work.Network.Push(_work.Network.Remotes["origin"], refSpec);

    private string Full(string path) => Path.Combine(WorkPath, path.Replace('/', Path.DirectorySeparatorChar));

    private Signature NextSignature()
    {
        var when = _clock?.GetUtcNow() ?? DefaultStart.AddMinutes(_commits);
        _commits++;
        return new Signature("Reconciler Tests", "tests@reconciler.invalid", when);
    }
}
