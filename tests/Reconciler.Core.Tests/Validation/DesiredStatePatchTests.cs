using Reconciler.Core.Diagnostics;
using Reconciler.Core.Manifests;
using Reconciler.Core.Tests.TaskSets;
using Reconciler.Core.Validation;

namespace Reconciler.Core.Tests.Validation;

/// <summary>
/// A one-file change patches the previous desired state instead of building it over every file; the result must be the
/// full build's, entry for entry: compared with a fresh pipeline over randomised change sets that add, edit and delete
/// files, claim one task twice, spell ids alike, break files, add and clash TaskSets, change a set's CSV and the source's problems.
/// </summary>
public sealed class DesiredStatePatchTests
{
    [Fact]
    public void Evaluate_OneFileChanged_PatchesTheState_AndEqualsAFullBuild()
    {
        var files = Enumerable.Range(0, 50).ToDictionary(i => $"tasks/t{i:00}.yaml", i => TestManifests.V2($"id-{i}"));
        var pipeline = new ManifestPipeline();
        pipeline.Evaluate(Snapshot(files, [], []));
        Assert.False(pipeline.LastPatchedState);

        files["tasks/t07.yaml"] = TestManifests.V2("id-7", name: "changed");
        var patched = pipeline.Evaluate(Snapshot(files, [], []));

        Assert.True(pipeline.LastPatchedState);
        Assert.Equal(1, pipeline.LastEvaluatedFiles);
        Assert.Equal(Describe(new ManifestPipeline().Evaluate(Snapshot(files, [], []))), Describe(patched));
        Assert.Equal("changed", patched.Tasks.Single(t => t.Identity.TaskId == "id-7").Name);
    }

    [Fact]
    public void Evaluate_PipelineThatDoesNotRemember_BuildsTheSameStateAndKeepsNothing()
    {
        var files = Enumerable.Range(0, 20).ToDictionary(i => $"tasks/t{i:00}.yaml", i => TestManifests.V2($"id-{i}"));
        files["tasks/twice.yaml"] = TestManifests.V2("ID-3");
        var once = new ManifestPipeline(remember: false);

        var first = once.Evaluate(Snapshot(files, [], []));
        var again = once.Evaluate(Snapshot(files, [], []));

        Assert.Equal(Describe(new ManifestPipeline().Evaluate(Snapshot(files, [], []))), Describe(first));
        Assert.Equal(Describe(first), Describe(again));
        Assert.Equal((21, 0, false, false), (once.LastEvaluatedFiles, once.LastCachedFiles, once.LastReusedState, once.LastPatchedState));
    }

    [Fact]
    public void Evaluate_AChangeThatClaimsATaskTwice_BuildsTheWholeState()
    {
        var files = new Dictionary<string, string> { ["tasks/a.yaml"] = TestManifests.V2("id-1"), ["tasks/b.yaml"] = TestManifests.V2("id-2") };
        var pipeline = new ManifestPipeline();
        pipeline.Evaluate(Snapshot(files, [], []));

        files["tasks/b.yaml"] = TestManifests.V2("ID-1");
        var state = pipeline.Evaluate(Snapshot(files, [], []));

        Assert.False(pipeline.LastPatchedState);
        Assert.Empty(state.Tasks);
        Assert.All(state.Invalid, i => Assert.Contains(i.Diagnostics, d => d.Code == "identity-look-alike"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Evaluate_RandomisedChangeSets_EqualAFullBuildEveryTime(int seed)
    {
        var random = new Random(seed);
        var files = Enumerable.Range(0, 30).ToDictionary(i => $"tasks/t{i:00}.yaml", i => TestManifests.V2($"id-{i}"));
        var csv = new Dictionary<string, string>();
        var problems = new List<Diagnostic>();
        var pipeline = new ManifestPipeline();
        var patches = 0;
        for (var step = 0; step < 60; step++)
        {
            for (var change = random.Next(1, 3); change > 0; change--)
            {
                Change(random, files, csv, problems);
            }

            var snapshot = Snapshot(files, csv, problems);
            var state = pipeline.Evaluate(snapshot);
            patches += pipeline.LastPatchedState ? 1 : 0;

            Assert.Equal(Describe(new ManifestPipeline().Evaluate(snapshot)), Describe(state));
        }

        // Most steps change plain tasks only: the patch is the usual path, the full build the exception.
        Assert.True(patches > 10, $"only {patches} of 60 steps were patched");
    }

    private static void Change(Random random, Dictionary<string, string> files, Dictionary<string, string> csv, List<Diagnostic> problems)
    {
        var id = random.Next(40);
        var path = $"tasks/t{id:00}.yaml";
        switch (random.Next(48))
        {
            case < 8 or > 19:
                // Each file's own task, edited: what a push usually is; half of them put back a file a change below made odd.
                var odd = files.Keys.Where(p => p.StartsWith("tasks/", StringComparison.Ordinal) && !files[p].Contains($"task_id: id-{Number(p)}\n", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
                var own = odd.Count > 0 && random.Next(2) == 0 ? Number(odd[random.Next(odd.Count)]) : id;
                files[$"tasks/t{own:00}.yaml"] = TestManifests.V2($"id-{own}", name: $"n{random.Next(1000)}");
                break;
            case < 10:
                files.Remove(path);
                break;
            case 10:
                files[$"tasks/t{random.Next(40):00}.yaml"] = TestManifests.V2($"{id}");
                break;
            case 11:
                // Another spelling of an id: a look-alike, or the same task claimed twice.
                files[$"tasks/t{random.Next(40):00}.yaml"] = TestManifests.V2(random.Next(2) == 0 ? $"ID-{id}" : $"id-{id}");
                break;
            case 12:
                // Two documents in one file, one of them a look-alike of another file's all-digit id.
                files[path] = $"{TestManifests.V2($"00{id}")}\n---\n{TestManifests.V2($"x-{id}")}";
                break;
            case 13:
                files[path] = "apiVersion: tasks/v2\nkind: Task\nmetadata: [";
                break;
            case 14:
                files[path] = TestManifests.V2($"id-{id}", spec: "\n  maximumcall: many");
                break;
            case 15:
                files[$"sets/s{random.Next(2)}.yaml"] = TaskSetFixtures.Inline();
                break;
            case 16:
                files["sets/csv.yaml"] = TaskSetFixtures.FromCsv("east.csv");
                csv["sets/east.csv"] = $"task_id,name\nt-{random.Next(5)},甲\n";
                break;
            case 17:
                files.Remove("sets/s0.yaml");
                files.Remove("sets/s1.yaml");
                files.Remove("sets/csv.yaml");
                break;
            case 18:
                // What a source meets: a link on a file, a warning, a folder it could not read.
                problems.Clear();
                problems.Add(Diagnostic.Error("git-symlink", "a link", SourceLocation.StartOf(path)));
                problems.Add(Diagnostic.Warning("git-submodule", "a submodule", SourceLocation.StartOf("tasks/vendor")));
                if (random.Next(2) == 0)
                {
                    problems.Add(Diagnostic.Error("git-name-encoding", "a folder", SourceLocation.StartOf("tasks/bad/")));
                }

                break;
            default:
                problems.Clear();
                break;
        }
    }

    /// <summary><c>tasks/t07.yaml</c> → 7.</summary>
    private static int Number(string path) => int.Parse(path[7..9], System.Globalization.CultureInfo.InvariantCulture);

    private static SourceSnapshot Snapshot(Dictionary<string, string> files, Dictionary<string, string> csv, List<Diagnostic> problems) =>
        new("rev", [.. files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => File(f.Key, f.Value))], [.. problems])
        {
            DataFiles = [.. csv.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => File(c.Key, c.Value))],
        };

    private static ManifestFile File(string path, string text) =>
        ManifestFile.FromText(path, text, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))));

    /// <summary>Everything a desired state says, in its order.</summary>
    private static List<string> Describe(DesiredState state) =>
    [
        .. state.Tasks.Select(t => $"task {t.Identity} {t.Location} {t.Name} {t.Body.Hash} {t.Set?.Name} {t.File} {string.Join(" | ", t.Warnings)}"),
        .. state.Invalid.Select(i => $"invalid {i.Identity} {i.Location} {i.Name} {i.Set?.Name} {string.Join(" | ", i.Diagnostics)}"),
        .. state.UnreadableFiles.Order(StringComparer.Ordinal).Select(f => $"unreadable {f}"),
        .. state.UnreadableDirectories.Order(StringComparer.Ordinal).Select(d => $"unreadable directory {d}"),
        $"revision {state.Revision} complete {state.IsComplete}",
    ];
}
