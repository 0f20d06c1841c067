using System.Runtime.InteropServices;

namespace Reconciler.State;

/// <summary>
/// The one name of a state file, whatever path reached it: relative parts, <c>..</c> and every symbolic link
/// resolved (POSIX <c>realpath</c>), so two paths to one file meet the same apply lock.
/// </summary>
internal static partial class StateFilePath
{
    public static string Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        var resolved = RealPath(full);
        if (resolved is not null)
        {
            return resolved;
        }

        // Not there yet (a new store), perhaps behind a link to where it will be: resolve the directory, keep the name.
        var link = new FileInfo(full);
        if (link.LinkTarget is not null && link.ResolveLinkTarget(returnFinalTarget: true) is { } target)
        {
            full = target.FullName;
        }

        var directory = Path.GetDirectoryName(full);
        return directory is not null && RealPath(directory) is { } realDirectory
            ? Path.Combine(realDirectory, Path.GetFileName(full))
            : full;
    }

    private static string? RealPath(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return File.Exists(path) || Directory.Exists(path) ? new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path : null;
        }

        var resolved = NativeRealPath(path, IntPtr.Zero);
        if (resolved == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(resolved);
        }
        finally
        {
            NativeFree(resolved);
        }
    }

    [LibraryImport("libc", EntryPoint = "realpath", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr NativeRealPath(string path, IntPtr resolved);

    [LibraryImport("libc", EntryPoint = "free")]
    private static partial void NativeFree(IntPtr pointer);
}
