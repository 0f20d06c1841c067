using System.Globalization;
using Npgsql;
using Reconciler.Core.Secrets;

namespace Reconciler.State.Postgres;

/// <summary>
/// Where the shared state lives: a <c>postgres://user@host:port/db?…</c> URL or an Npgsql keyword string
/// (<c>Host=…;Database=…</c>). The password never comes from the spec (flags show in <c>ps</c>, config files get
/// copied): it comes from <see cref="PasswordVariable"/>, <see cref="PasswordFileVariable"/> or <c>PGPASSWORD</c>
/// (or Npgsql's own <c>~/.pgpass</c>). <see cref="Display"/> is the only form ever shown, and it has no password.
/// </summary>
public sealed class PostgresConnectionSpec
{
    public const string PasswordVariable = "RECONCILER_STATE_PASSWORD";
    public const string PasswordFileVariable = "RECONCILER_STATE_PASSWORD_FILE";
    public const string LibpqPasswordVariable = "PGPASSWORD";
    public const string DefaultApplicationName = "task-reconciler";

    // libpq's URL parameters and what Npgsql calls them; anything else must be an Npgsql keyword.
    private static readonly Dictionary<string, string> UrlParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sslmode"] = "SSL Mode",
        ["sslrootcert"] = "Root Certificate",
        ["sslcert"] = "SSL Certificate",
        ["sslkey"] = "SSL Key",
        ["application_name"] = "Application Name",
        ["connect_timeout"] = "Timeout",
        ["search_path"] = "Search Path",
        ["target_session_attrs"] = "Target Session Attributes",
        ["options"] = "Options",
    };

    private readonly string _connectionString;

    private PostgresConnectionSpec(NpgsqlConnectionStringBuilder builder, string? password)
    {
        Display = Describe(builder);
        builder.Password = password;
        _connectionString = builder.ConnectionString;
        Redactor = new SecretRedactor([password]);
    }

    /// <summary><c>postgres://user@host:port/database?search_path=…</c>: no password, ever.</summary>
    public string Display { get; }

    /// <summary>Cuts the password out of any text (a server's error message) before it is shown.</summary>
    public SecretRedactor Redactor { get; }

    /// <summary>True for a PostgreSQL spec; anything else is an SQLite path (one rule for every executable: <see cref="Core.State.StateSpecKind"/>).</summary>
    public static bool IsPostgres(string spec) => Core.State.StateSpecKind.IsPostgres(spec);

    /// <param name="environment">Reads the password variables (the process environment in production).</param>
    /// <exception cref="FormatException">The spec cannot be read, or it carries a password; the message never repeats the spec's secret.</exception>
    public static PostgresConnectionSpec Parse(string spec, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(environment);
        var text = spec.Trim();
        var builder = text.Contains("://", StringComparison.Ordinal) ? FromUrl(text) : FromKeywords(text);
        if (!string.IsNullOrEmpty(builder.Password))
        {
            builder.Password = null;
            throw new FormatException(
                $"the state connection string for {Describe(builder)} contains a password: remove it and set {PasswordVariable}, {PasswordFileVariable} (a file holding it) or PGPASSWORD instead, so it never shows in a process list or a config file");
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new FormatException($"the state connection string {Describe(builder)} names no host");
        }

        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = DefaultApplicationName;
        }

        return new PostgresConnectionSpec(builder, ReadPassword(environment));
    }

    public override string ToString() => Display;

    /// <summary>The connection string with the password: for Npgsql only, never to be shown or logged.</summary>
    internal NpgsqlConnectionStringBuilder Builder() => new(_connectionString);

    private static NpgsqlConnectionStringBuilder FromUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("postgres" or "postgresql"))
        {
            throw new FormatException("the state URL is not postgres://[user@]host[:port]/database[?parameter=value&…]");
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = uri.IdnHost, Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port };
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0 && colon < uri.UserInfo.Length - 1)
            {
                builder.Password = "given";
            }
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            Set(builder, UrlParameters.GetValueOrDefault(name, name), name.Equals("sslmode", StringComparison.OrdinalIgnoreCase) ? value.Replace("-", "", StringComparison.Ordinal) : value, name);
        }

        return builder;
    }

    private static NpgsqlConnectionStringBuilder FromKeywords(string text)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(text);
        }
        catch (ArgumentException e)
        {
            // Npgsql's message names the keyword, never a value.
            throw new FormatException($"the state connection string cannot be read: {e.Message}", e);
        }
    }

    private static void Set(NpgsqlConnectionStringBuilder builder, string keyword, string value, string shownAs)
    {
        if (keyword.Equals("password", StringComparison.OrdinalIgnoreCase))
        {
            builder.Password = value.Length > 0 ? "given" : null;
            return;
        }

        try
        {
            builder[keyword] = value;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
        {
            throw new FormatException($"the state URL parameter '{shownAs}' is not understood: {e.Message}", e);
        }
    }

    private static string? ReadPassword(Func<string, string?> environment)
    {
        if (environment(PasswordVariable) is { Length: > 0 } password)
        {
            return password;
        }

        if (environment(PasswordFileVariable) is { Length: > 0 } file)
        {
            try
            {
                return File.ReadAllText(file).TrimEnd('\r', '\n');
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new FormatException($"{PasswordFileVariable} names '{file}', which cannot be read: {e.Message}", e);
            }
        }

        return environment(LibpqPasswordVariable) is { Length: > 0 } libpq ? libpq : null;
    }

    private static string Describe(NpgsqlConnectionStringBuilder builder)
    {
        var user = string.IsNullOrEmpty(builder.Username) ? "" : Uri.EscapeDataString(builder.Username) + "@";
        var host = builder.Host?.Contains(':', StringComparison.Ordinal) == true && !builder.Host.Contains(',', StringComparison.Ordinal) ? $"[{builder.Host}]" : builder.Host;
        var path = string.IsNullOrEmpty(builder.SearchPath) ? "" : "?search_path=" + Uri.EscapeDataString(builder.SearchPath);
        return string.Create(CultureInfo.InvariantCulture, $"postgres://{user}{host}:{builder.Port}/{builder.Database}{path}");
    }
}
