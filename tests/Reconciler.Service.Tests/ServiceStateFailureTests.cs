using System.Net;
using Reconciler.Service.Tests.Support;

namespace Reconciler.Service.Tests;

/// <summary>
/// Fail closed: while the state cannot be written (read-only, full, deleted or replaced) no PUT is sent, the run
/// is an error, /readyz answers 503, /status and /metrics say so, and the service backs off; once the state is
/// usable again, one more run makes the platform equal to the manifests.
/// </summary>
public sealed class ServiceStateFailureTests
{
    [Fact]
    public async Task Run_StateDeletedWhileRunning_SendsNothingAndIsNotReady()
    {
        await using var service = await ServiceHarness.CreateAsync();
        var tasks = service.AddTasks(3);
        service.Remote.CommitAndPush("three tasks");
        await service.StartAsync();
        await service.WaitForRunsAsync(1);
        var puts = service.Puts();

        foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(service.StatePath)!, "state.db*").Where(f => !f.EndsWith(".lock", StringComparison.Ordinal)))
        {
            File.Delete(file);
        }

        RenameAll(service, tasks, "删除之后");
        await PollAsync(service, 2);

        Assert.Equal(puts, service.Puts());
        await AssertFailedClosedAsync(service, "deleted");
        Assert.False(File.Exists(service.StatePath)); // never silently re-created empty by the running service
    }

    [Fact]
    public async Task Run_StateReplacedWhileRunning_SendsNothingAndIsNotReadyUntilRestartedThenConverges()
    {
        await using var service = await ServiceHarness.CreateAsync();
        var tasks = service.AddTasks(3);
        service.Remote.CommitAndPush("three tasks");
        await service.StartAsync();
        await service.WaitForRunsAsync(1);
        var puts = service.Puts();

        // A copy moved over the file (a backup restored, a sync tool's atomic rename): same name, another file. The
        // copy holds what the main file held; the commits still only in the WAL are not in it, as in a real restore.
        var copy = service.StatePath + ".restored";
        File.Copy(service.StatePath, copy);
        File.Move(copy, service.StatePath, overwrite: true);

        RenameAll(service, tasks, "替换之后");
        await PollAsync(service, 2);

        Assert.Equal(puts, service.Puts());
        await AssertFailedClosedAsync(service, "the file was replaced while the store was open");
        Assert.Contains("nothing more is recorded or sent until it is opened again", (await service.StatusAsync()).GetProperty("state_error").GetString(), StringComparison.Ordinal);

        // Opened again (the operator restarts the service): the file now at the path is the state, and one run converges.
        await service.RestartAsync();
        await service.WaitForPassesAsync(1);
        await ConvergeAsync(service, tasks, "替换之后", puts);
    }

    [RequiresTmpfsFact]
    public async Task Run_StateOnAReadOnlyDisk_SendsNothingUntilItIsWritableThenConverges()
    {
        await using var service = await ServiceHarness.CreateAsync();
        using var disk = TmpfsMount.Create(service.Directory.Combine("disk"), 4096);
        var (tasks, puts) = await StartOnAsync(service, disk);

        // The volume comes back read-only (as after a disk error): the service is restarted on it.
        RenameAll(service, tasks, "只读之后");
        await service.App.DisposeAsync();
        disk.ReadOnly();
        try
        {
            await service.RestartAsync();
            await service.WaitForPassesAsync(1);
            await PollAsync(service, 3);
            await AssertFailedClosedAsync(service, "readonly");
        }
        catch (ServiceSetupException e)
        {
            // Or SQLite cannot even open it: a clear error at start, and nothing sent either way.
            Assert.Contains("state store", e.Message, StringComparison.Ordinal);
            Assert.Contains("Read-only file system", e.Message, StringComparison.Ordinal);
        }

        Assert.Equal(puts, service.Puts()); // not one PUT that could not be recorded

        disk.ReadWrite();
        await service.RestartAsync();
        await service.WaitForPassesAsync(1);
        await ConvergeAsync(service, tasks, "只读之后", puts);
    }

    [RequiresTmpfsFact]
    public async Task Run_StateOnAFullDisk_SendsNothingUntilThereIsRoomThenConverges()
    {
        await using var service = await ServiceHarness.CreateAsync();
        using var disk = TmpfsMount.Create(service.Directory.Combine("disk"), 4096);
        var (tasks, puts) = await StartOnAsync(service, disk);

        EmptyTheWriteAheadLog(Path.Combine(disk.Path, "state.db"));
        var filler = disk.Fill();
        RenameAll(service, tasks, "满盘之后");
        await PollAsync(service, 3);

        // At most the one request whose intent fitted before the disk was full; each such task stays in doubt.
        Assert.True(service.Puts() - puts <= tasks.Count, $"{service.Puts() - puts} PUTs while the disk was full");
        // SQLite says "database or disk is full" for most writes that meet ENOSPC, and "disk I/O error" for some (a
        // write-ahead log header, the shared-memory file); either way the state could not be written and nothing was sent.
        await AssertFailedClosedAsync(service, "full", "disk I/O error");

        File.Delete(filler);
        await ConvergeAsync(service, tasks, "满盘之后", puts);
    }

    /// <summary>Three tasks, the state on <paramref name="disk"/>, the first run done; returns the tasks and the PUTs so far.</summary>
    private static async Task<(IReadOnlyList<Core.Manifests.TaskIdentity> Tasks, int Puts)> StartOnAsync(ServiceHarness service, TmpfsMount disk)
    {
        var tasks = service.AddTasks(3);
        service.Remote.CommitAndPush("three tasks");
        await service.StartAsync(new Dictionary<string, string?> { ["State"] = Path.Combine(disk.Path, "state.db") });
        await service.WaitForRunsAsync(1);
        return (tasks, service.Puts());
    }

    /// <summary>
    /// Truncates the state's write-ahead log to nothing while the loop is idle. SQLite reuses a log's space after a
    /// checkpoint, so on a full disk the next pass's few writes could still fit in space the log already had (the test
    /// was flaky: no state error after three passes); from an empty log, any write needs new space and fails.
    /// </summary>
    private static void EmptyTheWriteAheadLog(string statePath)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={statePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(0L, reader.GetInt64(0)); // not busy: the loop holds no transaction between passes
    }

    private static void RenameAll(ServiceHarness service, IReadOnlyList<Core.Manifests.TaskIdentity> tasks, string suffix)
    {
        for (var i = 0; i < tasks.Count; i++)
        {
            service.Remote.Write(ServiceManifests.Path(i), ServiceManifests.Valid(tasks[i], $"外呼任务-{i}-{suffix}"));
        }

        service.Remote.CommitAndPush($"rename: {suffix}");
    }

    /// <summary>
    /// Lets <paramref name="passes"/> loop passes happen, each after the longest failure backoff (RetryMax), so every
    /// step is due whatever the backoff; every pass of a failed state tries (and must send nothing). Starts from an idle
    /// loop and returns with the loop idle again: each step waits for the pass its clock advance started, that is a run
    /// begun at or after the advanced time and the pass count past the one before the advance. Waiting only for "the pass
    /// count went up" made the test flaky: a pass still running (the first one goes on after its run is reported) was
    /// taken for the new one, so the clock moved under a running pass and the next steps (filling the disk, freeing it,
    /// reading /readyz) overlapped a pass that was meant to be over.
    /// </summary>
    private static async Task PollAsync(ServiceHarness service, int passes)
    {
        for (var i = 0; i < passes; i++)
        {
            var before = service.App.Status.Passes;
            service.Advance(TimeSpan.FromMinutes(10) + ServiceHarness.OnePoll);
            var advancedTo = service.Clock.GetUtcNow();
            await service.App.Status.WaitUntilAsync(
                () => service.App.Status.Passes > before && service.App.Status.Current.LastRun?.StartedAt >= advancedTo,
                service.Token);
        }
    }

    private static async Task AssertFailedClosedAsync(ServiceHarness service, params string[] why)
    {
        var status = await service.StatusAsync();
        var stateError = status.GetProperty("state_error").GetString();
        Assert.NotNull(stateError);
        Assert.True(why.Any(w => stateError.Contains(w, StringComparison.OrdinalIgnoreCase)), stateError);
        Assert.Equal(stateError, status.GetProperty("last_run").GetProperty("error").GetString());
        using var ready = await service.Http.GetAsync("readyz", service.Token);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var metrics = await service.Http.GetStringAsync("metrics", service.Token);
        Assert.Contains("reconciler_state_usable 0", metrics, StringComparison.Ordinal);
        Assert.Matches("reconciler_runs_total\\{trigger=\"[a-z]+\",result=\"error\"\\} [1-9]", metrics);
    }

    private static async Task ConvergeAsync(ServiceHarness service, IReadOnlyList<Core.Manifests.TaskIdentity> tasks, string suffix, int putsBefore)
    {
        // The bodies may already be on the platform (PUTs whose intents fitted before the failure): converged means a
        // pass has also succeeded since, which is what turns /readyz back to 200.
        for (var i = 0; i < 4 && !(tasks.All(t => service.Simulator.Task(t).Body!.Contains(suffix, StringComparison.Ordinal)) && await IsReadyAsync(service)); i++)
        {
            await PollAsync(service, 1);
        }

        Assert.All(tasks, t => Assert.Contains(suffix, service.Simulator.Task(t).Body, StringComparison.Ordinal));
        Assert.True(service.Puts() - putsBefore <= 2 * tasks.Count, $"{service.Puts() - putsBefore} PUTs to converge");
        Assert.True(await IsReadyAsync(service), "/readyz is not 200 after the state became usable again");
    }

    private static async Task<bool> IsReadyAsync(ServiceHarness service)
    {
        using var ready = await service.Http.GetAsync("readyz", service.Token);
        return ready.StatusCode == HttpStatusCode.OK;
    }
}
