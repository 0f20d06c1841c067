using Reconciler.Core.State;

namespace Reconciler.State.Locking;

/// <summary>
/// The exclusive apply lock of one state store: an open <see cref="FileStream"/> on <c>&lt;state&gt;.lock</c>
/// with <see cref="FileShare.None"/>. On Linux and macOS .NET backs that with <c>flock(LOCK_EX)</c>,
/// which the kernel drops when the process dies, so a killed apply never leaves the store locked.
/// The lock file is never deleted: deleting it would let two processes lock two different files.
/// </summary>
internal sealed class ApplyLock : IAsyncDisposable, IDisposable
{
    private FileStream? _stream;

    private ApplyLock(FileStream stream) => _stream = stream;

    public static ApplyLock Acquire(string lockPath, string displayPath, TimeProvider timeProvider)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException exception) when (IsHeldElsewhere(exception))
        {
            var holder = LockHolder.Parse(LockFilePeek.TryRead(lockPath));
            var who = holder is null
                ? $"holder unknown; lock file '{lockPath}'"
                : $"pid {holder.ProcessId}, since {StateText.TimestampSeconds(holder.Since)}";
            throw new StateLockedException($"state store '{displayPath}' is locked by another apply ({who})", exception);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new StateStoreException(
                $"state store '{displayPath}': could not open the apply lock '{lockPath}': {exception.Message}", exception);
        }

        try
        {
            var holder = new LockHolder(Environment.ProcessId, timeProvider.GetUtcNow());
            stream.SetLength(0);
            stream.Write(holder.ToBytes());
            stream.Flush(flushToDisk: true);
            return new ApplyLock(stream);
        }
        catch (IOException exception)
        {
            stream.Dispose();
            throw new StateStoreException(
                $"state store '{displayPath}': could not write the apply lock '{lockPath}': {exception.Message}", exception);
        }
    }

    public void Dispose()
    {
        var stream = Interlocked.Exchange(ref _stream, null);
        if (stream is null)
        {
            return;
        }

        try
        {
            // A finished apply leaves no pid behind, so nobody is told about a holder that is gone.
            stream.SetLength(0);
        }
        catch (IOException)
        {
            // Best effort: the text is informational; closing the stream below is what releases the lock.
        }
        finally
        {
            stream.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>True when the open failed only because another handle holds the lock.</summary>
    private static bool IsHeldElsewhere(IOException exception)
    {
        if (OperatingSystem.IsWindows())
        {
            // ERROR_SHARING_VIOLATION (32) or ERROR_LOCK_VIOLATION (33), wrapped in an HRESULT.
            return (exception.HResult & 0xFFFF) is 32 or 33;
        }

        // .NET reports the failed flock(LOCK_NB) with errno EWOULDBLOCK: 11 on Linux, 35 on macOS.
        return exception.HResult == (OperatingSystem.IsMacOS() ? 35 : 11);
    }
}
