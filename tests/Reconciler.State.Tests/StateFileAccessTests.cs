using Reconciler.Testing.Files;

namespace Reconciler.State.Tests;

/// <summary>
/// SQLite's "attempt to write a readonly database" does not say which file is read-only: the hint does. Checked as
/// nobody when the tests run as root (root may write anything), on Linux where file modes are enforced.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class StateFileAccessTests : IDisposable
{
    private readonly TestDirectory _directory = new();

    [LinuxFact]
    public void WritableHint_ReadOnlyShmBesideAWritableDatabase_NamesTheShmFile()
    {
        var database = Write("state.db", 0x1B6); // 0666
        Write("state.db-wal", 0x1B6);
        var shm = Write("state.db-shm", 0x124); // 0444, as SQLite leaves it after a read-only open

        var hint = SpecialFiles.AsUnprivilegedFileUser(() => StateFileAccess.WritableHint(database));

        Assert.Equal($" (its 'state.db-shm' file cannot be written: Access to the path '{shm}' is denied; the state must be on a writable volume)", hint);
    }

    [LinuxFact]
    public void WritableHint_ReadOnlyDatabase_NamesTheDatabaseFirst()
    {
        var database = Write("state.db", 0x124);
        Write("state.db-shm", 0x124);

        var hint = SpecialFiles.AsUnprivilegedFileUser(() => StateFileAccess.WritableHint(database));

        Assert.StartsWith(" (the file cannot be written: Access to the path ", hint, StringComparison.Ordinal);
    }

    [LinuxFact]
    public void WritableHint_WritableDatabaseWithoutWalOrShm_SaysNothing()
    {
        var database = Write("state.db", 0x1B6);

        Assert.Equal("", SpecialFiles.AsUnprivilegedFileUser(() => StateFileAccess.WritableHint(database)));
    }

    public void Dispose() => _directory.Dispose();

    private string Write(string name, int mode)
    {
        var path = Path.Combine(_directory.Path, name);
        File.WriteAllBytes(path, []);
        File.SetUnixFileMode(path, (UnixFileMode)mode);
        return path;
    }
}
