using Microsoft.Win32.SafeHandles;

namespace Reconciler.State;

/// <summary>
/// Notices a state file deleted or replaced under an open store. SQLite keeps writing to the file it opened even
/// after it was unlinked, so without this a service would record successes in a file nobody will ever read. The
/// store holds the file open and, before each write, asks the kernel where that handle now points: on Linux
/// <c>/proc/self/fd/N</c> names the path, with <c>" (deleted)"</c> once the file is gone or renamed over.
/// Elsewhere only disappearance is noticed. A second name (a hard link, <see cref="FileLinks"/>) is refused too.
/// </summary>
internal sealed class StateFileIdentity : IDisposable
{
    private readonly string _path;
    private readonly FileStream _anchor;
    private readonly string? _descriptorLink;

    public StateFileIdentity(string path)
    {
        _path = path;
        _anchor = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var link = $"/proc/self/fd/{Descriptor(_anchor.SafeFileHandle)}";
        _descriptorLink = OperatingSystem.IsLinux() && File.Exists(link) ? link : null;
    }

    /// <summary>Null while the path still names the file opened, and only that name does; otherwise why not.</summary>
    public string? Problem()
    {
        if (!File.Exists(_path))
        {
            return "the file was deleted while the store was open";
        }

        if (FileLinks.Problem(_anchor.SafeFileHandle) is { } links)
        {
            return links; // a second name appeared while the store was open: nothing more is written through either
        }

        if (_descriptorLink is null)
        {
            return null;
        }

        var target = new FileInfo(_descriptorLink).LinkTarget;
        return target is null || target.EndsWith(" (deleted)", StringComparison.Ordinal) || target != _path
            ? "the file was replaced while the store was open (the path now names another file)"
            : null;
    }

    public void Dispose() => _anchor.Dispose();

    private static long Descriptor(SafeFileHandle handle) => handle.DangerousGetHandle().ToInt64();
}
