using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace Reconciler.Testing.Files;

/// <summary>
/// Real non-regular files for hostile-input tests: FIFOs, character devices, sockets, names that are not
/// valid UTF-8, and a way to read files as an unprivileged user while the tests run as root. Linux only.
/// </summary>
public static class SpecialFiles
{
    private const uint CharacterDeviceMode = 0x2000 | 0x1A4; // S_IFCHR | 0644
    private const uint Nobody = 65534;

    public static bool IsRoot => OperatingSystem.IsLinux() && GetEffectiveUserId() == 0;

    public static void MakeFifo(string path)
    {
        if (MkFifo(path, 0x1A4) != 0)
        {
            throw new IOException($"mkfifo({path}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>A character device with the numbers of <c>/dev/zero</c> (1, 5): reading it never ends. Needs root.</summary>
    public static void MakeZeroDevice(string path)
    {
        const ulong zero = (1 << 8) | 5; // makedev(1, 5) in glibc's encoding
        if (MkNod(path, CharacterDeviceMode, zero) != 0)
        {
            throw new IOException($"mknod({path}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>A second name for an existing file (a hard link, <c>ln EXISTING NEW</c>).</summary>
    public static void HardLink(string existing, string newName)
    {
        if (Link(existing, newName) != 0)
        {
            throw new IOException($"link({existing}, {newName}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>A listening Unix domain socket file; .NET removes the file when the returned socket is disposed.</summary>
    public static Socket MakeSocket(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        socket.Listen();
        return socket;
    }

    /// <summary>Deletes a directory tree, including names .NET cannot spell (not valid UTF-8), which it cannot delete itself.</summary>
    public static void DeleteTree(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            using var rm = System.Diagnostics.Process.Start("rm", ["-rf", "--", path]);
            rm.WaitForExit(TimeSpan.FromSeconds(30));
        }
    }

    /// <summary>Creates <paramref name="directory"/>/<paramref name="name"/> where the name is raw bytes (e.g. not valid UTF-8).</summary>
    public static void WriteWithRawName(string directory, byte[] name, string content)
    {
        var path = Encoding.UTF8.GetBytes(directory.TrimEnd('/') + "/").Concat(name).Append((byte)0).ToArray();
        var fd = Open(path, 0x1 | 0x40 | 0x200, 0x1A4); // O_WRONLY | O_CREAT | O_TRUNC
        if (fd < 0)
        {
            throw new IOException($"open(raw name) failed: errno {Marshal.GetLastPInvokeError()}");
        }

        var bytes = Encoding.UTF8.GetBytes(content);
        var written = Write(fd, bytes, bytes.Length);
        _ = Close(fd);
        if (written != bytes.Length)
        {
            throw new IOException("write(raw name) failed");
        }
    }

    /// <summary>Creates <paramref name="parent"/>/<paramref name="name"/> (raw bytes) as a directory holding one file.</summary>
    public static void MakeRawDirectory(string parent, byte[] name, string fileInside, string content)
    {
        var directory = Encoding.UTF8.GetBytes(parent.TrimEnd('/') + "/").Concat(name).ToArray();
        if (MkDir([.. directory, 0], 0x1ED) != 0)
        {
            throw new IOException($"mkdir(raw name) failed: errno {Marshal.GetLastPInvokeError()}");
        }

        var path = directory.Concat(Encoding.UTF8.GetBytes("/" + fileInside)).Append((byte)0).ToArray();
        var fd = Open(path, 0x1 | 0x40 | 0x200, 0x1A4);
        if (fd < 0)
        {
            throw new IOException($"open(raw directory) failed: errno {Marshal.GetLastPInvokeError()}");
        }

        var bytes = Encoding.UTF8.GetBytes(content);
        _ = Write(fd, bytes, bytes.Length);
        _ = Close(fd);
    }

    /// <summary>
    /// Runs <paramref name="action"/> on a thread whose file-system user is <c>nobody</c> when the tests run as
    /// root (<c>setfsuid</c> is per thread and drops the file-permission capabilities), so a <c>chmod 000</c> file
    /// is really unreadable; as any other user it simply runs the action.
    /// </summary>
    public static T AsUnprivilegedFileUser<T>(Func<T> action)
    {
        if (!IsRoot)
        {
            return action();
        }

        T? result = default;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            // setfsuid/setfsgid return the previous id, not an error code.
            _ = SetFsGid(Nobody);
            _ = SetFsUid(Nobody);
            try
            {
                result = action();
            }
            catch (Exception e)
            {
                failure = e;
            }
            finally
            {
                _ = SetFsUid(0);
                _ = SetFsGid(0);
            }
        });
        thread.Start();
        thread.Join();
        return failure is null ? result! : throw new InvalidOperationException("the unprivileged action failed", failure);
    }

    // DllImport rather than LibraryImport: the generated stubs would need unsafe code in the test projects.
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MkFifo(string path, uint mode);

    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int Link(string existing, string newName);

    [DllImport("libc", EntryPoint = "mknod", SetLastError = true)]
    private static extern int MkNod(string path, uint mode, ulong device);

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open(byte[] path, int flags, int mode);

    [DllImport("libc", EntryPoint = "mkdir", SetLastError = true)]
    private static extern int MkDir(byte[] path, uint mode);

    [DllImport("libc", EntryPoint = "write", SetLastError = true)]
    private static extern nint Write(int fd, byte[] buffer, nint count);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int fd);

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint GetEffectiveUserId();

    [DllImport("libc", EntryPoint = "setfsuid")]
    private static extern int SetFsUid(uint uid);

    [DllImport("libc", EntryPoint = "setfsgid")]
    private static extern int SetFsGid(uint gid);
#pragma warning restore SYSLIB1054
}
