using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Reconciler.State;

/// <summary>
/// How many names (hard links) an open file has, from the kernel: Linux <c>statx(2)</c> on the descriptor, whose result
/// layout is the same on every architecture. A state file with two names would have two apply locks
/// (<c>&lt;name&gt;.lock</c>) and two pairs of SQLite <c>-wal</c>/<c>-shm</c> files, SQLite's documented corruption hazard.
/// </summary>
internal static partial class FileLinks
{
    private const int AtEmptyPath = 0x1000;
    private const uint StatxNlink = 0x4;
    private const int NlinkOffset = 16;
    private const int StatxSize = 256;

    /// <summary>The link count, or null where it cannot be read (not Linux, or a libc without statx).</summary>
    public static int? Count(SafeFileHandle handle)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        Span<byte> buffer = stackalloc byte[StatxSize];
        try
        {
            var descriptor = (int)handle.DangerousGetHandle();
            return Statx(descriptor, "", AtEmptyPath, StatxNlink, ref MemoryMarshal.GetReference(buffer)) == 0
                ? (int)BinaryPrimitives.ReadUInt32LittleEndian(buffer[NlinkOffset..])
                : null;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The refusal for a file with more than one name; null for one name (or an unknown count).</summary>
    public static string? Problem(SafeFileHandle handle) => Count(handle) is > 1 and var links
        ? $"the state file has {links} names (hard links): each name would get its own apply lock and its own SQLite journal, so two applies could write it at once and corrupt it; remove the other names (find them with: find / -samefile FILE)"
        : null;

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Statx(int directoryDescriptor, string path, int flags, uint mask, ref byte buffer);
}
