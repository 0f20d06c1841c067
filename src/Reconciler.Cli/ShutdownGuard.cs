namespace Reconciler.Cli;

/// <summary>
/// Keeps the process alive until the service has stopped cleanly. System.CommandLine answers SIGTERM by
/// cancelling the command and, two seconds later, returning from <c>Main</c> whether or not the command
/// finished; the runtime would then exit with in-flight PUTs unrecorded. This holds process exit until the
/// service has stopped (bounded), then sets the exit code the service decided (0 for a clean stop, not 143).
/// </summary>
internal sealed class ShutdownGuard : IDisposable
{
    private readonly ManualResetEventSlim _stopped = new();
    private readonly TimeSpan _limit;
    private int _exitCode;

    private ShutdownGuard(TimeSpan limit)
    {
        _limit = limit;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    public static ShutdownGuard Install(TimeSpan limit) => new(limit);

    /// <summary>The service has stopped and released everything; the process may exit with <paramref name="exitCode"/>.</summary>
    public void Stopped(int exitCode)
    {
        Volatile.Write(ref _exitCode, exitCode);
        _stopped.Set();
    }

    public void Dispose() => AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;

    private void OnProcessExit(object? sender, EventArgs e)
    {
        if (_stopped.Wait(_limit))
        {
            Environment.ExitCode = Volatile.Read(ref _exitCode);
        }
    }
}
