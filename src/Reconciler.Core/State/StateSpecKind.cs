using System.Text.RegularExpressions;

namespace Reconciler.Core.State;

/// <summary>
/// Which kind of store a <c>--state</c> spec names, decided from its text alone: a PostgreSQL URL or an Npgsql keyword
/// string, else an SQLite file. Kept here, with no database driver, so that every executable that reads a spec (the
/// CLI, the service, the native <c>reconciler-plan</c>) tells them apart by one rule: a PostgreSQL spec taken for a
/// file path would plan against a state that does not exist, and every task would look new.
/// </summary>
public static partial class StateSpecKind
{
    public static bool IsPostgres(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var text = spec.Trim();
        return text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
               || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
               || KeywordHost().IsMatch(text);
    }

    [GeneratedRegex(@"(^|;)\s*(host|server)\s*=", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KeywordHost();
}
