using System.Runtime.InteropServices;

namespace Reconciler.Files;

/// <summary>
/// The type, size and inode of a path without following a final symbolic link and without opening it.
/// On Linux this is <c>statx(2)</c>, whose buffer layout is the same on every architecture; elsewhere
/// (or if the call is refused) it falls back to what .NET's <see cref="FileSystemInfo"/> can tell, which
/// does not distinguish FIFOs and devices from files (stated in README, "Hostile input").
/// </summary>
/// <param name="Kind">What the path is.</param>
/// <param name="Size">Size in bytes for a regular file, else 0.</param>
/// <param name="Problem">Why the status could not be read, for <see cref="FileKind.Inaccessible"/>.</param>
public readonly record struct PathStatus(FileKind Kind, long Size, string? Problem = null)
{
    public static PathStatus Of(string path)
    {
        if (OperatingSystem.IsLinux() && LinuxStatx.TryStat(path, out var status))
        {
            return status;
        }

        return Portable(path);
    }

    /// <summary>The status of an open file (used after opening, so a file swapped meanwhile is noticed).</summary>
    public static PathStatus Of(Microsoft.Win32.SafeHandles.SafeFileHandle handle) =>
        OperatingSystem.IsLinux() && LinuxStatx.TryStat(handle, out var status) ? status : new PathStatus(FileKind.Regular, RandomAccess.GetLength(handle));

    private static PathStatus Portable(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.LinkTarget is not null)
            {
                return new PathStatus(FileKind.SymbolicLink, 0);
            }

            if (info.Attributes.HasFlag(FileAttributes.Directory))
            {
                return new PathStatus(FileKind.Directory, 0);
            }

            return info.Exists ? new PathStatus(FileKind.Regular, info.Length) : new PathStatus(FileKind.Missing, 0);
        }
        catch (FileNotFoundException)
        {
            return new PathStatus(FileKind.Missing, 0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new PathStatus(FileKind.Inaccessible, 0, e is UnauthorizedAccessException ? "permission denied" : e.Message);
        }
    }

    internal static string Describe(int errno) => errno switch
    {
        1 or 13 => "permission denied",
        2 => "no such file",
        20 => "a path component is not a directory",
        40 => "too many levels of symbolic links",
        36 => "file name too long",
        _ => Marshal.GetPInvokeErrorMessage(errno),
    };
}
