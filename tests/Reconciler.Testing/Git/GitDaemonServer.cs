using System.Diagnostics;

namespace Reconciler.Testing.Git;

/// <summary>
/// <c>git daemon</c> serving every repository under a folder over git:// on 127.0.0.1, read-only.
/// Requires the git CLI (see <see cref="GitCli"/>); disposing stops the daemon and its children.
/// </summary>
public sealed class GitDaemonServer : IAsyncDisposable
{
    private readonly Process _process;

    private GitDaemonServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string UrlFor(string repositoryName) => $"git://127.0.0.1:{Port}/{repositoryName}";

    public static async Task<GitDaemonServer> StartAsync(string basePath)
    {
        var git = GitCli.Executable ?? throw new InvalidOperationException(GitCli.SkipReason);
        var port = LoopbackPorts.Free();
        var start = new ProcessStartInfo(git)
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var argument in new[]
        {
            "-c", "safe.directory=*", "daemon", "--reuseaddr", "--listen=127.0.0.1", $"--port={port}",
            $"--base-path={basePath}", "--export-all", "--informative-errors", basePath,
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("git daemon did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new GitDaemonServer(process, port);
        try
        {
            await LoopbackPorts.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(15), () => !process.HasExited);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _process.WaitForExitAsync(timeout.Token);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (OperationCanceledException)
        {
            // It was told to die; the test is not held hostage.
        }
        finally
        {
            _process.Dispose();
        }
    }
}
