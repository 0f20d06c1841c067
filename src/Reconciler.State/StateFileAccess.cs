namespace Reconciler.State;

/// <summary>
/// SQLite says only "attempt to write a readonly database" or "unable to open", whichever of its files is the
/// read-only one. The store's files are the database and, in WAL mode, its <c>-wal</c> and <c>-shm</c> beside it;
/// SQLite creates those with the database's permissions, so after a read-only spell they can stay read-only when
/// the database itself has been made writable again. This says which file it is.
/// </summary>
internal static class StateFileAccess
{
    private const int SqliteReadOnly = 8;

    /// <summary>" (… cannot be written: why; …)" for the first of the store's files that cannot be opened for writing, or "".</summary>
    public static string WritableHint(string fullPath)
    {
        foreach (var file in new[] { fullPath, fullPath + "-wal", fullPath + "-shm" })
        {
            try
            {
                // Opening for writing changes nothing in the file; it only asks the OS whether we may.
                using var probe = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                // Not there (the -wal and -shm exist only while the store is open or after a crash): nothing to say.
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                var which = file == fullPath ? "the file" : $"its '{Path.GetFileName(file)}' file";
                return $" ({which} cannot be written: {e.Message.TrimEnd('.')}; the state must be on a writable volume)";
            }
        }

        return "";
    }

    /// <summary>The hint, for SQLite's read-only error only.</summary>
    public static string WritableHint(string fullPath, Microsoft.Data.Sqlite.SqliteException exception) =>
        exception.SqliteErrorCode == SqliteReadOnly ? WritableHint(fullPath) : "";
}
