using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Reconciler.Files;

/// <summary>
/// <c>statx(2)</c> and a non-blocking <c>open(2)</c>. Plain <c>lstat</c> is avoided on purpose: its buffer
/// layout differs between architectures, <c>struct statx</c>'s does not.
/// </summary>
internal static partial class LinuxStatx
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxType = 0x1;
        private const uint StatxSize = 0x200;
    private const int ReadOnly = 0;
    private const int NonBlocking = 0x800; // same value on x86-64 and arm64
    private const int CloseOnExec = 0x80000; // same value on x86-64 and arm64
    private const int NoSuchSystemCall = 38;

    private static bool _unavailable;

    public static bool TryStat(string path, out PathStatus status) =>
        TryStat(AtFdCwd, path, AtSymlinkNoFollow, out status);

    public static bool TryStat(SafeFileHandle handle, out PathStatus status)
    {
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            return TryStat((int)handle.DangerousGetHandle(), "", AtEmptyPath, out status);
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    /// <summary>The status of <paramref name="name"/> inside an open directory, a final symbolic link not followed.</summary>
    public static bool TryStatAt(SafeFileHandle directory, string name, out PathStatus status)
    {
        var added = false;
        try
        {
            directory.DangerousAddRef(ref added);
            return TryStat((int)directory.DangerousGetHandle(), name, AtSymlinkNoFollow, out status);
        }
        finally
        {
            if (added)
            {
                directory.DangerousRelease();
            }
        }
    }

    /// <summary>
    /// Opens for reading with <c>O_NONBLOCK</c>: if a FIFO replaced the file after it was listed, the open returns
    /// at once instead of waiting for a writer (the caller then sees it is not a regular file and closes it).
    /// </summary>
    /// <returns>The handle, or null when the call is not available here.</returns>
    /// <exception cref="IOException">The file cannot be opened (the message says why, without the path).</exception>
    public static SafeFileHandle? TryOpenNonBlocking(string path)
    {
        if (_unavailable)
        {
            return null;
        }

        int fd;
        try
        {
            fd = Open(path, ReadOnly | NonBlocking | CloseOnExec, 0);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            _unavailable = true;
            return null;
        }

        if (fd < 0)
        {
            throw new IOException($"cannot open the file: {PathStatus.Describe(Marshal.GetLastPInvokeError())}");
        }

        return new SafeFileHandle(fd, ownsHandle: true);
    }

    private static bool TryStat(int directory, string path, int flags, out PathStatus status)
    {
        status = default;
        if (_unavailable)
        {
            return false;
        }

        var buffer = default(StatxBuffer);
        int result;
        try
        {
            result = Statx(directory, path, flags, StatxType | StatxSize, ref buffer);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            _unavailable = true;
            return false;
        }

        if (result != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno == NoSuchSystemCall)
            {
                _unavailable = true;
                return false;
            }

            status = errno is 2 or 20 ? new PathStatus(FileKind.Missing, 0) : new PathStatus(FileKind.Inaccessible, 0, PathStatus.Describe(errno));
            return true;
        }

        var kind = (buffer.Mode & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0xA000 => FileKind.SymbolicLink,
            0x1000 => FileKind.Fifo,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            0xC000 => FileKind.Socket,
            _ => FileKind.Inaccessible,
        };
        status = new PathStatus(kind, kind == FileKind.Regular ? (long)buffer.Size : 0, kind == FileKind.Inaccessible ? "unknown file type" : null);
        return true;
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, ref StatxBuffer buffer);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags, int mode);

    /// <summary><c>struct statx</c> (256 bytes; only the fields read here are named).</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(28)]
        public ushort Mode;

        [FieldOffset(40)]
        public ulong Size;
    }
}
