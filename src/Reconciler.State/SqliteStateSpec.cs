namespace Reconciler.State;

/// <summary>
/// A <c>--state</c> spec that names an SQLite file (<c>sqlite:PATH</c> or a plain path, relative to the working
/// directory), and opening it for a plan: only when it exists, so a plan never creates a state file. Shared by the
/// service's locator and the native <c>reconciler-plan</c>, which has no PostgreSQL driver.
/// </summary>
public static class SqliteStateSpec
{
    public const string Prefix = "sqlite:";

    public static string FullPath(string spec, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var path = spec.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ? spec[Prefix.Length..] : spec;
        return Path.GetFullPath(path, workingDirectory);
    }

    /// <summary>The store at <paramref name="fullPath"/> when the file exists, else null.</summary>
    public static async Task<SqliteStateStore?> OpenIfExistsAsync(string fullPath, TimeProvider? time, CancellationToken cancellationToken) =>
        File.Exists(fullPath) ? await SqliteStateStore.OpenAsync(fullPath, time, cancellationToken) : null;
}
