using Microsoft.Data.Sqlite;

namespace Reconciler.State.Tests;

/// <summary>A fresh directory per test; the state path inside it does not exist yet (nor its parent).</summary>
internal sealed class TempStateDirectory : IDisposable
{
    public TempStateDirectory()
    {
        Root = Path.Combine(Path.GetTempPath(), "reconciler-state-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>Like the CLI's default, <c>.reconciler/state.db</c>, with a directory still to be created.</summary>
    public string StatePath => Path.Combine(Root, ".reconciler", "state.db");

    public void Dispose()
    {
        // Pooled connections keep the file open; close them before deleting.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory must not fail a test.
        }
    }
}
