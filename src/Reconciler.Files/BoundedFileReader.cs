namespace Reconciler.Files;

/// <summary>
/// Reads a regular file, never more than <c>limit + 1</c> bytes: a file that grows while it is read (or
/// lies about its size) cannot exhaust memory, and one byte over the limit is enough for the loader to
/// refuse it as too large. A file as long as statx said (the usual case) costs open, statx, one read and
/// close. The open is non-blocking on Linux and the opened file is checked again, so a FIFO or device
/// swapped in after the listing is refused, never waited on.
/// </summary>
internal static class BoundedFileReader
{
    /// <exception cref="IOException">The file cannot be opened or read, or is no longer a regular file; the message names no path.</exception>
    public static ReadOnlyMemory<byte> Read(string physicalPath, long limit)
    {
        using var handle = Open(physicalPath);
        var status = PathStatus.Of(handle);
        if (status.Kind != FileKind.Regular)
        {
            throw new IOException($"it is no longer a regular file ({FileKinds.Describe(status.Kind)}); it was not read");
        }

        var cap = (int)Math.Min(limit + 1, Array.MaxLength);
        var buffer = new byte[(int)Math.Clamp(status.Size + 1, 1, cap)];
        var total = 0;
        while (true)
        {
            var read = RandomAccess.Read(handle, buffer.AsSpan(total), total);
            total += read;
            if (read == 0 || (total < buffer.Length && total == status.Size))
            {
                // The buffer has room for one byte more than the size statx reported, so a file as long as it said
                // is read with one call, not two. Any other short read is not taken as the end (a network or FUSE
                // file system may return fewer bytes than asked): the loop reads on until a read returns nothing.
                break;
            }

            if (total < buffer.Length)
            {
                continue;
            }

            if (buffer.Length == cap)
            {
                break; // one byte over the limit is all the loader needs to refuse the file
            }

            Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, cap));
        }

        return buffer.AsMemory(0, total);
    }

    private static Microsoft.Win32.SafeHandles.SafeFileHandle Open(string path)
    {
        try
        {
            return (OperatingSystem.IsLinux() ? LinuxStatx.TryOpenNonBlocking(path) : null)
                ?? File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        }
        catch (UnauthorizedAccessException)
        {
            throw new IOException("cannot open the file: permission denied");
        }
        catch (FileNotFoundException)
        {
            throw new IOException("cannot open the file: it no longer exists");
        }
    }
}
