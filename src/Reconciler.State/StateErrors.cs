using Reconciler.Core.State;
using Microsoft.Data.Sqlite;

namespace Reconciler.State;

/// <summary>Turns SQLite's errors into the store's typed exceptions, each naming the file.</summary>
internal static class StateErrors
{
    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;

    public static StateStoreException Wrap(string displayPath, string action, SqliteException exception) =>
        exception.SqliteErrorCode switch
        {
            SqliteNotADatabase => new StateStoreFormatException(
                $"state store '{displayPath}' is not an SQLite database ({exception.Message.TrimEnd('.')}): " +
                "move the file aside or choose another state path",
                exception),
            SqliteCorrupt => new StateStoreFormatException(
                $"state store '{displayPath}' is damaged ({exception.Message.TrimEnd('.')}): " +
                "restore it from a backup or move it aside",
                exception),
            _ => new StateStoreException(
                $"state store '{displayPath}': could not {action}: {exception.Message.TrimEnd('.')}",
                exception),
        };
}
