using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Reconciler.Testing.Postgres;

/// <summary>
/// The PostgreSQL server the tests use: the one named by <see cref="Variable"/> (CI starts a throwaway cluster and
/// sets it), else a throwaway cluster this test process starts itself when the server binaries are installed
/// (<c>/usr/lib/postgresql/*/bin</c>), stopped and removed when the process exits. Only when neither exists do the
/// PostgreSQL tests skip, saying so. Each test works in its own schema (<see cref="CreateSchemaAsync"/>).
/// </summary>
public static class PostgresTestServer
{
    public const string Variable = "RECONCILER_TEST_POSTGRES";

    private static readonly Lock Gate = new();
    private static Task<string>? _server;

    /// <summary>Why PostgreSQL tests cannot run here, or null when they can.</summary>
    public static string? SkipReason =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } || ServerBinaries() is not null
            ? null
            : $"PostgreSQL is not available: {Variable} is not set and no server binaries (initdb, pg_ctl) are installed under /usr/lib/postgresql/*/bin. Run .ci/run, or `apt-get install postgresql`, to run these tests.";

    /// <summary>An Npgsql connection string to the server's <c>postgres</c> database (no password: trust on loopback).</summary>
    public static Task<string> ConnectionStringAsync()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given)
        {
            return Task.FromResult(given);
        }

        lock (Gate)
        {
            return _server ??= Task.Run(StartClusterAsync);
        }
    }

    /// <summary>A fresh schema for one test: every store opened on it is isolated from every other test.</summary>
    public static async Task<TestPostgresSchema> CreateSchemaAsync()
    {
        var baseConnection = await ConnectionStringAsync();
        var name = "t_" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(baseConnection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE SCHEMA {name};", connection);
        await command.ExecuteNonQueryAsync();
        return new TestPostgresSchema(baseConnection, name);
    }

    private static string? ServerBinaries()
    {
        if (!OperatingSystem.IsLinux() || !Directory.Exists("/usr/lib/postgresql"))
        {
            return null;
        }

        return Directory.GetDirectories("/usr/lib/postgresql")
            .Select(version => Path.Combine(version, "bin"))
            .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
            .OrderByDescending(bin => bin, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    private static async Task<string> StartClusterAsync()
    {
        var bin = ServerBinaries() ?? throw new InvalidOperationException(SkipReason);
        var root = Directory.CreateTempSubdirectory("reconciler-pg-tests.").FullName;
        var asRoot = Environment.UserName == "root" && !OperatingSystem.IsWindows();
        if (asRoot && !OperatingSystem.IsWindows())
        {
            // initdb refuses to run as root: the cluster belongs to the 'postgres' user the package created.
            File.SetUnixFileMode(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            await RunAsync("chown", ["postgres", root], false);
        }

        var port = FreePort();
        var data = Path.Combine(root, "data");
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "reconciler", "-E", "UTF8"], asRoot);
        await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60", "-o", $"-h 127.0.0.1 -p {port} -k {root} -c fsync=off -c max_connections=300", "start"], asRoot);
        // At exit, stop and remove the cluster from a detached shell: the test host may be ended before a slow
        // recursive delete finishes, and a half-removed cluster would be left behind.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            var stop = $"{(asRoot ? "runuser -u postgres -- " : "")}'{Path.Combine(bin, "pg_ctl")}' -D '{data}' -m immediate -w stop >/dev/null 2>&1; rm -rf '{root}'";
            var cleanup = new ProcessStartInfo("setsid", ["sh", "-c", stop]) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            try
            {
                Process.Start(cleanup)?.Dispose();
            }
            catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
            {
                // Best effort at exit: a leftover temp cluster must not fail the run.
            }
        };
        return $"Host=127.0.0.1;Port={port};Username=reconciler;Database=postgres";
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (asPostgres ? ["-u", "postgres", "--", program] : Array.Empty<string>()).Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(limit.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
