using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Reconciler.Files;

/// <summary>
/// <c>openat(2)</c>, <c>mkdirat(2)</c> and <c>unlinkat(2)</c> relative to an open directory, so a path is walked one
/// component at a time and no symbolic link below the starting directory is ever followed (<c>O_NOFOLLOW</c>).
/// Only where the flag values are known (Linux on x86-64 and arm64, where <c>O_DIRECTORY</c> and <c>O_NOFOLLOW</c>
/// differ); elsewhere <see cref="Available"/> is false and callers walk by path instead.
/// </summary>
internal static partial class LinuxAt
{
    public const int NoSuchFile = 2;
    public const int Exists = 17;
    public const int NotDirectory = 20;
    public const int TooManyLinks = 40;

    private const int ReadOnly = 0;
    private const int WriteOnly = 1;
    private const int Create = 0x40;
    private const int Exclusive = 0x80;
    private const int NonBlocking = 0x800;
    private const int CloseOnExec = 0x80000;

    private static readonly (int Directory, int NoFollow)? Flags = RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => (0x10000, 0x20000),
        Architecture.Arm64 => (0x4000, 0x8000),
        _ => null,
    };

    public static bool Available => OperatingSystem.IsLinux() && Flags is not null;

    /// <summary>Opens a directory the caller chose (links in that path are the caller's to trust).</summary>
    public static SafeFileHandle OpenRoot(string path, out int errno) =>
        Result(OpenPath(path, ReadOnly | Flags!.Value.Directory | CloseOnExec, 0), out errno);

    /// <summary>Opens the directory <paramref name="name"/> inside <paramref name="directory"/>; a symbolic link there fails (ELOOP or ENOTDIR).</summary>
    public static SafeFileHandle OpenDirectory(SafeFileHandle directory, string name, out int errno) =>
        Result(OpenAt(directory, name, ReadOnly | Flags!.Value.Directory | Flags.Value.NoFollow | CloseOnExec, 0), out errno);

    /// <summary>Creates the file; fails with EEXIST when anything is there, a dangling symbolic link included.</summary>
    public static SafeFileHandle CreateNew(SafeFileHandle directory, string name, out int errno) =>
        Result(OpenAt(directory, name, WriteOnly | Create | Exclusive | Flags!.Value.NoFollow | CloseOnExec, Convert.ToInt32("666", 8)), out errno);

    /// <summary>Opens for reading without following a link and without waiting on a FIFO.</summary>
    public static SafeFileHandle OpenForReading(SafeFileHandle directory, string name, out int errno) =>
        Result(OpenAt(directory, name, ReadOnly | Flags!.Value.NoFollow | NonBlocking | CloseOnExec, 0), out errno);

    public static int MakeDirectory(SafeFileHandle directory, string name) =>
        MkdirAt(directory, name, Convert.ToInt32("777", 8)) == 0 ? 0 : Marshal.GetLastPInvokeError();

    public static int Remove(SafeFileHandle directory, string name) =>
        UnlinkAt(directory, name, 0) == 0 ? 0 : Marshal.GetLastPInvokeError();

    private static SafeFileHandle Result(int fd, out int errno)
    {
        errno = fd < 0 ? Marshal.GetLastPInvokeError() : 0;
        return new SafeFileHandle(fd, ownsHandle: fd >= 0);
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int OpenPath(string path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "openat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int OpenAt(SafeFileHandle directory, string name, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "mkdirat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int MkdirAt(SafeFileHandle directory, string name, int mode);

    [LibraryImport("libc", EntryPoint = "unlinkat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int UnlinkAt(SafeFileHandle directory, string name, int flags);
}
