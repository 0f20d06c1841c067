using Reconciler.Core.State;
using Reconciler.Core.State.Export;

namespace Reconciler.State.Export;

/// <summary>
/// Reads every row of a state file (<c>reconciler state migrate</c>): brought to the newest schema first, then read in
/// one read transaction, so the rows are one consistent snapshot even while another process writes.
/// </summary>
public static class SqliteStateExporter
{
    /// <exception cref="StateStoreException">The file cannot be opened or read.</exception>
    public static async Task<StateExport> ExportAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new StateStoreException($"state store '{path}' does not exist");
        }

        await using var store = await SqliteStateStore.OpenAsync(path, cancellationToken: cancellationToken);
        return await store.ExportAsync(cancellationToken);
    }
}
