using System.Text.RegularExpressions;
using Reconciler.Cli.Tests.Support;
using Reconciler.Core.Manifests;
using Reconciler.State;
using Reconciler.Testing.Simulator;
using Xunit.Abstractions;

namespace Reconciler.Cli.Tests.Processes;

/// <summary>
/// Fail closed on a state that cannot be written, as real processes and without mounting anything (so on any CI
/// machine, root or not): a full volume by a file-size limit, a read-only one by file permissions. <c>apply</c>
/// exits 1 naming the state and SQLite's error, sends no PUT it could not record first, and one more apply on a
/// usable state makes the platform equal to the manifests.
/// </summary>
[Trait("Category", "Slow")] // the CLI as real processes
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class StateFailureProcessTests(ITestOutputHelper output)
{
    private const int TaskCount = 6;

    /// <summary>
    /// The smallest limit SQLite can work with at all: the WAL index (<c>-shm</c>) is mapped in 32 KiB pieces, so
    /// below that the store cannot even be opened (the failure the read-only tests cover). At 32 KiB the WAL has
    /// room for 7 pages (4 KiB each plus a 24-byte header) and can never grow past it, whatever WAL an earlier run
    /// left (a new writer restarts it from the start); one intent commit writes 3 pages, the answer's commit about 6.
    /// So some intents fit, their PUTs go out, and the state is full before every answer is recorded.
    /// </summary>
    private const int LimitKiB = 32;

    [FileSizeLimitFact]
    public async Task Apply_StateFileCannotGrow_SendsOnlyWhatItRecordedFirstThenConverges()
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        using var work = new ApplyWorkspace(simulator);
        var tasks = AddTasks(work, "初版");
        var first = await ApplyProcessAsync(work, []);
        Assert.True(first.ExitCode == 0, first.ToString());
        output.WriteLine($"after the first apply: {StateFiles(work)}; limit {LimitKiB} KiB");

        Rename(work, tasks, "满盘之后");
        var before = tasks.ToDictionary(t => t, t => work.Task(t).PutCount);
        var environment = new Dictionary<string, string>(work.Environment);
        FileSizeLimit.PrepareRuntime(environment);
        var full = await ApplyProcessAsync(work, FileSizeLimit.Wrapper(LimitKiB), environment);
        output.WriteLine($"under the limit: {StateFiles(work)}\n{full}");

        Assert.True(full.ExitCode == 1, full.ToString());
        Assert.Contains($"reconciler: error: state store failed, nothing more was sent: state store '{work.StatePath}': could not ", full.Error, StringComparison.Ordinal);
        Assert.Matches("SQLite Error (10: 'disk I/O error'|13: 'database or disk is full')", full.Error);
        var sent = tasks.Where(t => work.Task(t).PutCount > before[t]).ToHashSet();
        Assert.All(tasks, t => Assert.True(work.Task(t).PutCount - before[t] <= 1, $"{work.Task(t).PutCount - before[t]} PUTs of task {t}"));
        Assert.True(sent.Count < tasks.Count, "every PUT was sent and recorded: the limit never bit, the test proves nothing");

        // The truthful count: every PUT sent was written down first, so its task is now either recorded as applied
        // with the new body or in doubt; a task with no PUT is neither (its intent was never recorded).
        var (applied, inDoubt) = await ReadStateAsync(work, tasks);
        output.WriteLine($"{sent.Count} PUT(s) sent: {applied.Count} recorded as applied, {inDoubt.Count} in doubt");
        Assert.Equal(sent.OrderBy(t => t.TaskId), applied.Concat(inDoubt).OrderBy(t => t.TaskId));

        var room = await ApplyProcessAsync(work, []);

        Assert.True(room.ExitCode == 0, room.ToString());
        Assert.All(tasks, t => Assert.Contains("满盘之后", work.Task(t).Body, StringComparison.Ordinal));

        // Exactly one PUT more for every task the state did not record as applied (the ones in doubt are sent again).
        Assert.All(tasks, t => Assert.Equal(before[t] + (sent.Contains(t) ? 1 : 0) + (applied.Contains(t) ? 0 : 1), work.Task(t).PutCount));
        await AssertNoChangesAsync(work);
    }

    [UnprivilegedFact]
    public Task Apply_StateFileAndItsDirectoryReadOnly_SendsNothingThenConvergesOnceWritable() =>
        ReadOnlyStateAsync(directoryWritable: false, state => $"reconciler: error: state store '{state}': could not open (the file cannot be written: ");

    [UnprivilegedFact]
    public Task Apply_StateFileReadOnlyInAWritableDirectory_SendsNothingThenConvergesOnceWritable() =>
        ReadOnlyStateAsync(directoryWritable: true, state => $"reconciler: error: state store failed, nothing more was sent: state store '{state}': could not record the intent to update task ");

    /// <summary>
    /// A read-only state file: in a read-only directory SQLite cannot even open it (no <c>-shm</c> can be made);
    /// in a writable one it opens read-only, plans, and the first intent is refused. Nothing is sent either way.
    /// </summary>
    /// <param name="expected">The start of the error line, given the state's path.</param>
    private async Task ReadOnlyStateAsync(bool directoryWritable, Func<string, string> expected)
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        using var work = new ApplyWorkspace(simulator);
        var tasks = AddTasks(work, "初版");
        var first = await ApplyProcessAsync(work, []);
        Assert.True(first.ExitCode == 0, first.ToString());

        Rename(work, tasks, "只读之后");
        var puts = work.Puts([.. tasks]);
        CliResult refused;
        CliResult? halfRestored = null;
        try
        {
            MakeReadOnly(work, directoryWritable);
            refused = await ApplyProcessAsync(work, UnprivilegedUser.Wrapper);
            if (directoryWritable)
            {
                // Only the database made writable again: SQLite gave the -wal and -shm it made the database's
                // read-only mode, and still says only "readonly database"; the error must say which file it is.
                File.SetUnixFileMode(work.StatePath, (UnixFileMode)0x1B6); // 0666
                halfRestored = await ApplyProcessAsync(work, UnprivilegedUser.Wrapper);
            }
        }
        finally
        {
            MakeWritable(work);
        }

        if (halfRestored is not null)
        {
            output.WriteLine(halfRestored.ToString());
            Assert.True(halfRestored.ExitCode == 1, halfRestored.ToString());
            Assert.Matches($"state store '{Regex.Escape(work.StatePath)}': could not record the intent to update task [^ ]+ \\(its 'state\\.db-(wal|shm)' file cannot be written: [^)]+\\): SQLite Error 8: ", halfRestored.Error);
            Assert.Equal(puts, work.Puts([.. tasks]));
        }

        output.WriteLine(refused.ToString());
        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.Contains(expected(work.StatePath), refused.Error, StringComparison.Ordinal);
        Assert.Contains("SQLite Error 8: 'attempt to write a readonly database'", refused.Error, StringComparison.Ordinal);
        Assert.Equal(puts, work.Puts([.. tasks]));
        var (_, inDoubt) = await ReadStateAsync(work, tasks);
        Assert.Empty(inDoubt);

        var writable = await ApplyProcessAsync(work, []);

        Assert.True(writable.ExitCode == 0, writable.ToString());
        Assert.All(tasks, t => Assert.Contains("只读之后", work.Task(t).Body, StringComparison.Ordinal));
        Assert.Equal(puts + tasks.Count, work.Puts([.. tasks]));
        await AssertNoChangesAsync(work);
    }

    /// <summary>
    /// 0444 files in a 0555 directory (or a writable one, where only the lock must stay writable for the CLI to get
    /// past it); everything made reachable for nobody when the CLI runs as nobody.
    /// </summary>
    private static void MakeReadOnly(ApplyWorkspace work, bool directoryWritable)
    {
        var open = (UnixFileMode)0x1ED; // 0755
        File.SetUnixFileMode(work.Path, open);
        foreach (var directory in Directory.EnumerateDirectories(work.Path, "*", SearchOption.AllDirectories))
        {
            File.SetUnixFileMode(directory, open);
        }

        var state = Path.GetDirectoryName(work.StatePath)!;
        foreach (var file in Directory.EnumerateFiles(state, "state.db*"))
        {
            File.SetUnixFileMode(file, file.EndsWith(".lock", StringComparison.Ordinal) && directoryWritable ? (UnixFileMode)0x1B6 : (UnixFileMode)0x124); // 0666 : 0444
        }

        File.SetUnixFileMode(state, directoryWritable ? (UnixFileMode)0x1FF : (UnixFileMode)0x16D); // 0777 : 0555
    }

    private static void MakeWritable(ApplyWorkspace work)
    {
        var state = Path.GetDirectoryName(work.StatePath)!;
        File.SetUnixFileMode(state, (UnixFileMode)0x1ED); // 0755
        foreach (var file in Directory.EnumerateFiles(state, "state.db*"))
        {
            File.SetUnixFileMode(file, (UnixFileMode)0x1A4); // 0644
        }
    }

    private static List<TaskIdentity> AddTasks(ApplyWorkspace work, string name) =>
        Enumerable.Range(0, TaskCount).Select(i => work.AddTask($"t{i}.yaml", SampleBodies.V2(name: $"{name}-{i}"))).ToList();

    private static void Rename(ApplyWorkspace work, List<TaskIdentity> tasks, string name)
    {
        for (var i = 0; i < tasks.Count; i++)
        {
            work.WriteManifest($"t{i}.yaml", tasks[i], SampleBodies.V2(name: $"{name}-{i}"));
        }
    }

    private static async Task<CliResult> ApplyProcessAsync(ApplyWorkspace work, IReadOnlyList<string> wrapper, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var process = ReconcilerProcess.Start(
            work.Path,
            environment ?? work.Environment,
            wrapper,
            ["apply", ApplyWorkspace.ManifestDir, "--api-url", work.Simulator.BaseAddress.ToString(), "--state", ApplyWorkspace.StateFile, "--auto-approve"]);
        return await process.WaitAsync();
    }

    /// <summary>Which tasks the state records as applied with their desired body, and which are in doubt.</summary>
    private static async Task<(HashSet<TaskIdentity> Applied, HashSet<TaskIdentity> InDoubt)> ReadStateAsync(ApplyWorkspace work, List<TaskIdentity> tasks)
    {
        await using var store = await SqliteStateStore.OpenAsync(work.StatePath);
        var records = await store.LoadAppliedAsync(CancellationToken.None);
        var inDoubt = await store.LoadInDoubtAsync(CancellationToken.None);
        return (
            tasks.Where(t => records.TryGetValue(t, out var record) && record.Body.Hash == work.Desired(t).Body.Hash).ToHashSet(),
            tasks.Where(inDoubt.ContainsKey).ToHashSet());
    }

    private static async Task AssertNoChangesAsync(ApplyWorkspace work)
    {
        var plan = await ReconcilerProcess.RunAsync(work.Path, work.Environment, "plan", ApplyWorkspace.ManifestDir, "--state", ApplyWorkspace.StateFile);
        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.Contains($"Plan: 0 to update, 0 to adopt, 0 to unmanage, 0 invalid, {TaskCount} unchanged", plan.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("in doubt", plan.Out, StringComparison.Ordinal);
    }

    private static string StateFiles(ApplyWorkspace work) => string.Join(", ", Directory
        .EnumerateFiles(Path.GetDirectoryName(work.StatePath)!, "state.db*")
        .Order(StringComparer.Ordinal)
        .Select(f => $"{Path.GetFileName(f)} {new FileInfo(f).Length:N0} B"));
}
