using System.Diagnostics;
using System.Globalization;
using Npgsql;
using TaskApi.Simulator;
using TaskApi.Simulator.Faults;

namespace Reconciler.Benchmarks;

/// <summary>
/// Takeover after SIGKILL: two real <c>reconciler run</c> processes share one PostgreSQL schema; each round pushes a new
/// revision of every task (PUTs answered after 100 ms, parallelism 1), kills the leader once it has sent a few, and
/// measures kill → new leadership term, kill → the new leader's first PUT, and kill → every task applied and none in
/// doubt; then starts a replacement replica. Prints each round, the medians, and the PUT counts.
/// </summary>
internal static class TakeoverBenchmark
{
    private static readonly string[] UserIds = ["5832d184-dd53-42a0-8ace-0bf8d660f4cc", "3d917f66-1c2b-4d7e-9a55-0e6f7c1b2a90"];

    public static async Task<int> RunAsync(string postgres, string reconcilerDll, int count, int rounds, int intervalSeconds)
    {
        var schema = "bench_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(postgres, $"CREATE SCHEMA {schema};");
        var builder = new NpgsqlConnectionStringBuilder(postgres) { SearchPath = schema };
        var url = $"postgres://{builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}?search_path={schema}";
        using var repository = new BenchRepository();
        await using var simulator = await SimulatorServer.StartAsync(new SimulatorOptions { AutoCreateTasks = true });
        simulator.State.SetFaultProfile(new FaultProfile { Latency = TimeSpan.FromMilliseconds(100), LatencyPhase = LatencyPhase.After });
        var replicas = new Dictionary<string, Process>();
        var next = 0;
        void StartReplica()
        {
            var name = $"r{next++}";
            var token = "tok-" + Guid.NewGuid().ToString("N");
            foreach (var user in UserIds)
            {
                simulator.State.RegisterClientToken(user, token, name);
            }

            var work = Directory.CreateDirectory(Path.Combine(repository.Root, name)).FullName;
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet") { WorkingDirectory = work, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { reconcilerDll, "run", "--repo", repository.BarePath, "--state", url, "--api-url", simulator.BaseAddress.ToString(), "--listen", "127.0.0.1:0", "--interval", $"{intervalSeconds}s", "--jitter", "0", "--running-check", "false", "--parallelism", "1", "--log-level", "Warning" })
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment["RECONCILER_API_TOKEN"] = token;
            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            replicas[name] = process;
        }

        try
        {
            Write(repository, count, 0);
            StartReplica();
            StartReplica();
            await WaitAsync(async () => await ConvergedAsync(postgres, schema, count, 0), TimeSpan.FromMinutes(2));
            Console.WriteLine($"{count} tasks, 2 replicas, poll interval {intervalSeconds} s, PUTs answered after 100 ms, parallelism 1; {rounds} SIGKILLs of the leader mid-apply");
            Console.WriteLine("round  kill→new term  kill→first PUT  kill→converged  PUTs  tasks sent twice  in doubt at kill");
            var terms = new List<double>();
            var firsts = new List<double>();
            var converged = new List<double>();
            var putsTotal = 0;
            var twiceTotal = 0;
            for (var round = 1; round <= rounds; round++)
            {
                var before = simulator.State.GetRequestLog().Max(r => r.Sequence);
                var term = Convert.ToInt64(await ScalarAsync(postgres, schema, "SELECT max(term) FROM leader_terms;"), CultureInfo.InvariantCulture);
                Write(repository, count, round);
                await WaitAsync(() => Task.FromResult(Puts(simulator, before).Count >= 3), TimeSpan.FromMinutes(1));
                var leader = Puts(simulator, before)[0].Client!;
                var clock = Stopwatch.StartNew();
                replicas[leader].Kill();
                await WaitAsync(async () => Convert.ToInt64(await ScalarAsync(postgres, schema, "SELECT max(term) FROM leader_terms;"), CultureInfo.InvariantCulture) > term, TimeSpan.FromMinutes(1), 5);
                terms.Add(clock.Elapsed.TotalMilliseconds);
                await simulator.State.WaitUntilAsync(s => s.GetRequestLog().Any(r => r.Sequence > before && r.Operation == ApiOperation.UpdateTask && r.Client != leader), new CancellationTokenSource(TimeSpan.FromMinutes(1)).Token);
                firsts.Add(clock.Elapsed.TotalMilliseconds);
                await WaitAsync(async () => await ConvergedAsync(postgres, schema, count, round), TimeSpan.FromMinutes(2), 5);
                converged.Add(clock.Elapsed.TotalMilliseconds);
                var inDoubt = Convert.ToInt64(await ScalarAsync(postgres, schema, $"SELECT count(*) FROM intents WHERE settled_at IS NULL AND operation = 'update' AND leader_term = {term};"), CultureInfo.InvariantCulture);
                var puts = Puts(simulator, before);
                var twice = puts.GroupBy(p => p.TaskId).Count(g => g.Count() > 1);
                putsTotal += puts.Count;
                twiceTotal += twice;
                Console.WriteLine($"{round,5}  {terms[^1],10:N0} ms  {firsts[^1],11:N0} ms  {converged[^1],11:N0} ms  {puts.Count,4}  {twice,16}  {inDoubt,16}");
                replicas.Remove(leader);
                StartReplica();
                await Task.Delay(TimeSpan.FromSeconds(intervalSeconds + 2));
            }

            Console.WriteLine($"median  {Median(terms),9:N0} ms  {Median(firsts),11:N0} ms  {Median(converged),11:N0} ms");
            Console.WriteLine($"PUTs: {putsTotal} for {rounds * count} task updates ({twiceTotal} task(s) sent twice: the ones in doubt when their leader died)");
            return 0;
        }
        finally
        {
            foreach (var process in replicas.Values)
            {
                process.Kill();
                process.Dispose();
            }

            await ExecuteAsync(postgres, $"DROP SCHEMA {schema} CASCADE;");
        }
    }

    private static List<RequestLogEntry> Puts(SimulatorServer simulator, long after) =>
        simulator.State.GetRequestLog().Where(r => r.Sequence > after && r.Operation == ApiOperation.UpdateTask).OrderBy(r => r.Sequence).ToList();

    private static void Write(BenchRepository repository, int count, int version)
    {
        for (var i = 0; i < count; i++)
        {
            repository.Write(Path.Combine("tasks", $"task-{i:00000}.yaml"), ManifestGenerator.Manifest(i, maximumcall: 4 + (2 * version)));
        }

        repository.CommitAndPush($"version {version}");
    }

    private static async Task<bool> ConvergedAsync(string postgres, string schema, int count, int version) =>
        await ScalarAsync(postgres, schema, "SELECT to_regclass('intents') IS NOT NULL;") is true
        && Convert.ToInt64(await ScalarAsync(postgres, schema, $"SELECT count(*) FROM tasks WHERE body LIKE '%\"maximumcall\":{4 + (2 * version)},%';"), CultureInfo.InvariantCulture) == count
        && Convert.ToInt64(await ScalarAsync(postgres, schema, "SELECT count(*) FROM intents i WHERE settled_at IS NULL AND operation = 'update' AND id > coalesce((SELECT max(a.id) FROM intents a WHERE a.user_id = i.user_id AND a.task_id = i.task_id AND a.outcome = 'applied'), 0);"), CultureInfo.InvariantCulture) == 0;

    private static async Task WaitAsync(Func<Task<bool>> condition, TimeSpan limit, int pollMilliseconds = 20)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > limit)
            {
                throw new TimeoutException("the replicas did not get there in time");
            }

            await Task.Delay(pollMilliseconds);
        }
    }

    private static async Task<object?> ScalarAsync(string postgres, string schema, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgres) { SearchPath = schema }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    private static Task<object?> ExecuteAsync(string postgres, string sql) => ScalarAsync(postgres, "public", sql);

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
