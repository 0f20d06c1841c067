using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Reconciler.State.Locking;

/// <summary>
/// Reads a lock file while another process holds it. .NET opens every file with an advisory
/// <c>flock</c> (shared unless <see cref="FileShare.None"/>), and a shared lock is refused while the
/// holder has it exclusively, so <see cref="File.ReadAllText(string)"/> fails here. A plain
/// <c>open(2)</c> takes no lock, and closing that descriptor leaves the holder's <c>flock</c> alone
/// (a <c>flock</c> belongs to the holder's own open file description).
/// </summary>
internal static class LockFilePeek
{
    private const int ReadOnly = 0; // O_RDONLY on Linux and macOS
    private const int MaxBytes = 4096;

    /// <summary>The text of the file, or null when it cannot be read (best effort: only used in a message).</summary>
    public static string? TryRead(string path)
    {
        // On Windows FileShare.None forbids every other open, so there is nothing to read.
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        try
        {
            var descriptor = Open(path, ReadOnly);
            if (descriptor < 0)
            {
                return null;
            }

            using var handle = new SafeFileHandle(descriptor, ownsHandle: true);
            var buffer = new byte[MaxBytes];
            var read = RandomAccess.Read(handle, buffer, 0);
            return Encoding.UTF8.GetString(buffer, 0, read);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException
                                              or DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);
}
