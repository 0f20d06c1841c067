using System.Text;

namespace Reconciler.Git.Tests;

/// <summary>
/// A new commit's listing opens only the directories whose tree id changed and re-uses the rest from the last listing:
/// counted (tree entries enumerated, directories opened), and compared with a walk of the whole tree after every commit
/// of randomised change sets (adds, edits, deletes, renames, moves between folders, folders removed, links, submodules).
/// </summary>
public sealed class GitIncrementalListingTests : IDisposable
{
    private readonly GitSourceHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact(Timeout = 60_000)]
    public async Task Fetch_OneFileChangedInALargeTree_OpensOnlyTheFoldersOnItsPath()
    {
        const int Folders = 20;
        const int FilesPerFolder = 30;
        for (var folder = 0; folder < Folders; folder++)
        {
            for (var file = 0; file < FilesPerFolder; file++)
            {
                _h.Remote.Write($"tasks/team-{folder:00}/t{file:00}.yaml", GitSourceHarness.Manifest($"t{folder}-{file}"));
            }
        }

        _h.Remote.CommitAndPush("600 manifests");
        using var source = _h.Source();
        await source.FetchAsync(_h.Token);
        Assert.Equal(1 + Folders + (Folders * FilesPerFolder), source.LastListingWork!.EntriesVisited);

        var head = _h.Push("one change", ("tasks/team-07/t03.yaml", GitSourceHarness.Manifest("changed")));
        var moved = await source.FetchAsync(_h.Token);

        // The root (1 entry), tasks/ (20 folders) and tasks/team-07/ (30 files): 51 entries, not 621.
        var work = source.LastListingWork!;
        Assert.Equal(1 + Folders + FilesPerFolder, work.EntriesVisited);
        Assert.Equal(3, work.DirectoriesOpened);
        Assert.Equal(Folders - 1, work.DirectoriesReused);
        AssertSameListing(source.ReadTree(head), moved.Snapshot);
        Assert.Equal(GitSourceHarness.Manifest("changed"), Encoding.UTF8.GetString(moved.Snapshot.Files.Single(f => f.Path == "tasks/team-07/t03.yaml").Read().Span));
    }

    [Theory(Timeout = 120_000)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Fetch_RandomisedChangeSets_ListExactlyAsAWalkOfTheWholeTree(int seed)
    {
        var random = new Random(seed);
        var files = new HashSet<string>(StringComparer.Ordinal);
        void Write(string path, string content)
        {
            _h.Remote.Write(path, content);
            files.Add(path);
        }

        for (var i = 0; i < 24; i++)
        {
            Write($"tasks/team-{i % 4}/t{i:00}.yaml", GitSourceHarness.Manifest($"t{i}"));
        }

        Write("tasks/sets/items.csv", "phone\n1\n");
        Write(".reconciler.yaml", "allow_extra_fields: []\n");
        Write(".reconciler/policy.yaml", "owners: []\n");
        Write("README.md", "# tasks");
        Write("tasks/.drafts/d.yaml", "draft: 1");
        var first = _h.Remote.CommitAndPush("initial");
        _h.Remote.CommitSubmodule("tasks/team-1/vendor", first, "a submodule");
        _h.Remote.Push();
        _h.Remote.Symlink("tasks/team-2/alias.yaml", "t02.yaml");
        _h.Remote.CommitAndPush("a link");

        using var source = _h.Source();
        var initial = (await source.FetchAsync(_h.Token)).Snapshot;
        Assert.Equal(["git-submodule", "git-symlink"], initial.Diagnostics.Select(d => d.Code).Order(StringComparer.Ordinal));
        var next = 100;
        for (var step = 0; step < 12; step++)
        {
            var existing = files.Where(f => f.StartsWith("tasks/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
            for (var change = random.Next(1, 4); change > 0; change--)
            {
                var pick = existing.Count > 0 ? existing[random.Next(existing.Count)] : null;
                switch (random.Next(7))
                {
                    case 0 or 1 when pick is not null:
                        Write(pick, GitSourceHarness.Manifest($"edit-{next++}"));
                        break;
                    case 2:
                        Write($"tasks/team-{random.Next(6)}/n{next}.yaml", GitSourceHarness.Manifest($"n{next++}"));
                        break;
                    case 3 when pick is not null && files.Remove(pick):
                        _h.Remote.Delete(pick);
                        break;
                    case 4 when pick is not null && files.Remove(pick):
                        // A rename in its folder, or a move to another (possibly new) folder.
                        var target = random.Next(2) == 0 ? $"{pick[..(pick.LastIndexOf('/') + 1)]}r{next++}.yaml" : $"tasks/team-{random.Next(6)}/sub/m{next++}.yaml";
                        _h.Remote.Move(pick, target);
                        files.Add(target);
                        break;
                    case 5:
                        // A whole folder removed.
                        var folder = $"tasks/team-{random.Next(6)}/";
                        foreach (var gone in files.Where(f => f.StartsWith(folder, StringComparison.Ordinal)).ToList())
                        {
                            _h.Remote.Delete(gone);
                            files.Remove(gone);
                        }

                        break;
                    default:
                        Write($"tasks/team-{random.Next(6)}/items-{next++}.csv", "phone\n2\n");
                        break;
                }
            }

            var before = source.LastGoodCommitId!;
            var head = _h.Remote.CommitAndPush($"step {step}");
            var listed = (await source.FetchAsync(_h.Token)).Snapshot;

            AssertSameListing(source.ReadTree(head), listed);
            Assert.Equal(Changed(source.ReadTree(before), listed), source.CountChanged(before, head));
            Assert.True(source.LastListingWork!.DirectoriesReused > 0 || step == 0);
        }
    }

    /// <summary>Everything a listing says, file by file: paths, blob ids, sizes, contents, settings, policy and diagnostics.</summary>
    private static void AssertSameListing(Core.Manifests.SourceSnapshot expected, Core.Manifests.SourceSnapshot actual)
    {
        Assert.Equal(expected.Revision, actual.Revision);
        Assert.Equal(Describe(expected.Files), Describe(actual.Files));
        Assert.Equal(Describe(expected.DataFiles), Describe(actual.DataFiles));
        Assert.Equal(Describe([.. OfNullable(expected.Settings), .. OfNullable(expected.Policy)]), Describe([.. OfNullable(actual.Settings), .. OfNullable(actual.Policy)]));
        Assert.Equal(expected.Diagnostics, actual.Diagnostics);
        Assert.NotEmpty(actual.Files);
    }

    /// <summary>Listed files (manifests, data files, settings) added, changed or gone between two whole-tree listings.</summary>
    private static int Changed(Core.Manifests.SourceSnapshot before, Core.Manifests.SourceSnapshot after)
    {
        static HashSet<string> Listed(Core.Manifests.SourceSnapshot s) => [.. s.Files.Concat(s.DataFiles).Concat(OfNullable(s.Settings)).Select(f => $"{f.Path} {f.ContentId}")];
        static HashSet<string> Paths(Core.Manifests.SourceSnapshot s) => [.. s.Files.Concat(s.DataFiles).Concat(OfNullable(s.Settings)).Select(f => f.Path)];
        var (was, now) = (Listed(before), Listed(after));
        return now.Count(f => !was.Contains(f)) + Paths(before).Count(p => !Paths(after).Contains(p));
    }

    private static IEnumerable<Core.Manifests.ManifestFile> OfNullable(Core.Manifests.ManifestFile? file) => file is null ? [] : [file];

    private static List<string> Describe(IEnumerable<Core.Manifests.ManifestFile> files) =>
        files.Select(f => $"{f.Path} {f.ContentId} {f.Length} {Encoding.UTF8.GetString(f.Read().Span)}").ToList();
}
