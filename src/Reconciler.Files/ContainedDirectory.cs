using Microsoft.Win32.SafeHandles;

namespace Reconciler.Files;

/// <summary>
/// A directory that writes stay inside: it is reached from a root the caller chose one component at a time, each
/// missing folder created on the way, and no symbolic link below the root is ever followed — neither a folder on the
/// way nor the file written. A file is only ever created new: a symbolic link (dangling or not), a FIFO, a device or
/// any other file already at the name is refused and named, never opened or overwritten. On Linux (x86-64, arm64)
/// this is <c>openat</c> with <c>O_NOFOLLOW</c> from the open directory, so a folder swapped for a link meanwhile
/// cannot redirect a write; elsewhere each step is checked with <c>lstat</c> first and the file is created with
/// <c>O_EXCL</c>, which never follows a final link either.
/// </summary>
public sealed class ContainedDirectory : IDisposable
{
    private readonly SafeFileHandle? _handle;
    private readonly string _path;

    private ContainedDirectory(SafeFileHandle? handle, string path, string display)
    {
        _handle = handle;
        _path = path;
        Display = display;
    }

    /// <summary>How messages name the directory: the path below the root, as given.</summary>
    public string Display { get; }

    /// <summary>Opens (creating what is missing) <paramref name="relative"/> below <paramref name="root"/>.</summary>
    /// <exception cref="ContainmentException">The path leaves the root, or a component is a symbolic link or not a directory.</exception>
    /// <exception cref="IOException">A folder could not be opened or created (the message says which and why).</exception>
    public static ContainedDirectory Open(string root, string relative) => Open(root, relative, LinuxAt.Available);

    internal static ContainedDirectory Open(string root, string relative, bool useHandles)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        ArgumentNullException.ThrowIfNull(relative);
        var components = Components(relative);
        var display = components.Count == 0 ? "." : string.Join('/', components);
        return useHandles ? OpenWithHandles(root, components, display) : OpenByPath(root, components, display);
    }

    /// <summary>Creates <paramref name="name"/> with <paramref name="content"/>; null when done, else why not (naming the file).</summary>
    public string? CreateFile(string name, ReadOnlySpan<byte> content)
    {
        CheckName(name);
        if (_handle is not null)
        {
            using var file = LinuxAt.CreateNew(_handle, name, out var errno);
            return errno == 0 ? Write(file, content, name) : Refusal(name, errno);
        }

        var path = Path.Combine(_path, name);
        if (PathStatus.Of(path) is { Kind: not FileKind.Missing } existing)
        {
            return Occupied(name, existing.Kind);
        }

        try
        {
            using var file = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            return Write(file, content, name);
        }
        catch (IOException e)
        {
            return PathStatus.Of(path) is { Kind: not FileKind.Missing } raced ? Occupied(name, raced.Kind) : $"{Name(name)} could not be created: {e.Message}";
        }
        catch (UnauthorizedAccessException)
        {
            return $"{Name(name)} could not be created: permission denied";
        }
    }

    /// <summary>Reads a regular file back (never through a link, never waiting on a FIFO), at most <paramref name="limit"/> + 1 bytes.</summary>
    /// <exception cref="IOException">It is not a regular file or cannot be read; the message names it.</exception>
    public ReadOnlyMemory<byte> ReadFile(string name, long limit)
    {
        CheckName(name);
        if (_handle is null)
        {
            var path = Path.Combine(_path, name);
            var status = PathStatus.Of(path);
            return status.Kind == FileKind.Regular ? BoundedFileReader.Read(path, limit) : throw new IOException($"{Name(name)} is {FileKinds.Describe(status.Kind)}");
        }

        using var file = LinuxAt.OpenForReading(_handle, name, out var errno);
        if (errno != 0)
        {
            throw new IOException(Refusal(name, errno));
        }

        var kind = PathStatus.Of(file).Kind;
        if (kind != FileKind.Regular)
        {
            throw new IOException($"{Name(name)} is {FileKinds.Describe(kind)}");
        }

        var buffer = new byte[(int)Math.Min(RandomAccess.GetLength(file), limit) + 1];
        var total = 0;
        for (int read; total < buffer.Length && (read = RandomAccess.Read(file, buffer.AsSpan(total), total)) > 0;)
        {
            total += read;
        }

        return buffer.AsMemory(0, total);
    }

    /// <summary>Removes a file this directory created (used when what was written must not stay).</summary>
    public void Remove(string name)
    {
        CheckName(name);
        if (_handle is not null)
        {
            _ = LinuxAt.Remove(_handle, name);
        }
        else if (PathStatus.Of(Path.Combine(_path, name)).Kind == FileKind.Regular)
        {
            File.Delete(Path.Combine(_path, name));
        }
    }

    public void Dispose() => _handle?.Dispose();

    private static ContainedDirectory OpenWithHandles(string root, IReadOnlyList<string> components, string display)
    {
        var current = LinuxAt.OpenRoot(root, out var errno);
        if (errno != 0)
        {
            current.Dispose();
            throw new IOException($"cannot open {root}: {PathStatus.Describe(errno)}");
        }

        var walked = new List<string>();
        foreach (var component in components)
        {
            walked.Add(component);
            var next = LinuxAt.OpenDirectory(current, component, out errno);
            if (errno == LinuxAt.NoSuchFile)
            {
                var made = LinuxAt.MakeDirectory(current, component);
                next.Dispose();
                next = made is 0 or LinuxAt.Exists ? LinuxAt.OpenDirectory(current, component, out errno) : new SafeFileHandle(-1, ownsHandle: false);
                errno = made is 0 or LinuxAt.Exists ? errno : made;
            }

            if (errno != 0)
            {
                next.Dispose();
                var kind = LinuxStatx.TryStatAt(current, component, out var status) ? status.Kind : FileKind.Inaccessible;
                current.Dispose();
                throw Blocked(string.Join('/', walked), kind, errno);
            }

            current.Dispose();
            current = next;
        }

        return new ContainedDirectory(current, Path.Combine([root, .. components]), display);
    }

    private static ContainedDirectory OpenByPath(string root, IReadOnlyList<string> components, string display)
    {
        var path = Path.GetFullPath(root);
        var walked = new List<string>();
        foreach (var component in components)
        {
            walked.Add(component);
            path = Path.Combine(path, component);
            if (PathStatus.Of(path).Kind == FileKind.Missing)
            {
                Directory.CreateDirectory(path);
            }

            if (PathStatus.Of(path) is { Kind: not FileKind.Directory } status)
            {
                throw Blocked(string.Join('/', walked), status.Kind, 0);
            }
        }

        return new ContainedDirectory(null, path, display);
    }

    private static IOException Blocked(string path, FileKind kind, int errno) => kind switch
    {
        FileKind.SymbolicLink => new ContainmentException($"{path} is a symbolic link: nothing is written through it"),
        FileKind.Directory or FileKind.Missing or FileKind.Inaccessible when errno != 0 => new IOException($"cannot open or create the folder {path}: {PathStatus.Describe(errno)}"),
        _ => new ContainmentException($"{path} is {FileKinds.Describe(kind)}, not a folder: nothing is written there"),
    };

    private static List<string> Components(string relative)
    {
        if (Path.IsPathRooted(relative))
        {
            throw new ContainmentException($"{relative} is not a path inside the directory");
        }

        var components = relative.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries)
            .Where(c => c != ".")
            .ToList();
        return components.Contains("..") ? throw new ContainmentException($"{relative} leaves the directory (..)") : components;
    }

    private static void CheckName(string name)
    {
        if (string.IsNullOrEmpty(name) || name is "." or ".." || name.Contains('/', StringComparison.Ordinal) || name.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException("a file name, not a path", nameof(name));
        }
    }

    private string? Write(SafeFileHandle file, ReadOnlySpan<byte> content, string name)
    {
        try
        {
            RandomAccess.Write(file, content, 0);
            return null;
        }
        catch (IOException e)
        {
            return $"{Name(name)} could not be written: {e.Message}";
        }
    }

    private string Refusal(string name, int errno)
    {
        if (errno == LinuxAt.Exists || errno == LinuxAt.TooManyLinks)
        {
            return Occupied(name, LinuxStatx.TryStatAt(_handle!, name, out var status) ? status.Kind : FileKind.Inaccessible);
        }

        return $"{Name(name)} could not be opened: {PathStatus.Describe(errno)}";
    }

    private string Occupied(string name, FileKind kind) => kind switch
    {
        FileKind.SymbolicLink => $"{Name(name)} is a symbolic link: nothing is written through it",
        FileKind.Regular => $"{Name(name)} already exists: it is not overwritten",
        _ => $"{Name(name)} is {FileKinds.Describe(kind)}: nothing is written there",
    };

    private string Name(string name) => Display == "." ? name : $"{Display}/{name}";
}
