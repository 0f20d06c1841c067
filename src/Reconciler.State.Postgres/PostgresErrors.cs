using System.Net.Sockets;
using System.Text.Json;
using Npgsql;
using Reconciler.Core.Secrets;
using Reconciler.Core.State;

namespace Reconciler.State.Postgres;

/// <summary>Turns Npgsql's and the server's errors into the store's typed exceptions, each naming the store (never its password).</summary>
internal static class PostgresErrors
{
    /// <summary>True for a failure of the database or the connection to it (as opposed to a bug).</summary>
    public static bool IsDatabaseFailure(Exception exception) =>
        exception is NpgsqlException or IOException or SocketException or TimeoutException;

    public static bool IsMalformedRow(Exception exception) =>
        exception is FormatException or JsonException or InvalidCastException;

    public static StateStoreException Wrap(string display, string action, Exception exception, SecretRedactor redactor) =>
        IsMalformedRow(exception)
            ? new StateStoreException($"state store '{display}': could not {action}: a stored row is malformed: {redactor.Redact(exception.Message)}", exception)
            : new StateStoreException($"state store '{display}': could not {action}: {Describe(exception, redactor)}", exception);

    /// <summary>The server's own words when it answered (with its SQLSTATE), else the client's.</summary>
    public static string Describe(Exception exception, SecretRedactor redactor)
    {
        var message = exception switch
        {
            PostgresException postgres => $"{postgres.MessageText} (SQLSTATE {postgres.SqlState})",
            NpgsqlException { InnerException: { } inner } npgsql when npgsql.Message.Contains("see inner", StringComparison.OrdinalIgnoreCase) => inner.Message,
            _ => exception.Message,
        };
        return redactor.Redact(message.TrimEnd('.'));
    }
}
