using Reconciler.Core.Manifests;
using Reconciler.Core.Normalization;
using Reconciler.Core.State;
using Reconciler.State;

namespace Reconciler.Testing.State;

/// <summary>
/// Writes a state file as a previous apply would have left it, so tests of the planner, the CLI and
/// the service can start from a known inventory. Goes through <see cref="SqliteStateStore"/> itself,
/// so a seeded file always has the schema the product reads.
/// </summary>
public static class StateSeeder
{
    /// <summary>The applied time used when a test does not care: fixed, so output stays deterministic.</summary>
    public static readonly DateTimeOffset DefaultAppliedAt = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Creates (or migrates) the state file at <paramref name="path"/> and writes the given records,
    /// attempts and runs into it. Existing records of the same identities are replaced.
    /// </summary>
    public static async Task SeedAsync(
        string path,
        IEnumerable<AppliedRecord> records,
        IEnumerable<ApplyAttempt>? attempts = null,
        IEnumerable<RunRecord>? runs = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        await using var store = await SqliteStateStore.OpenAsync(path, cancellationToken: cancellationToken);
        foreach (var record in records)
        {
            await store.RecordAppliedAsync(record, cancellationToken);
        }

        foreach (var attempt in attempts ?? [])
        {
            await store.AppendAttemptAsync(attempt, cancellationToken);
        }

        foreach (var run in runs ?? [])
        {
            await store.RecordRunAsync(run, cancellationToken);
        }
    }

    /// <summary>
    /// A record of <paramref name="bodyJson"/> as last applied. The body is canonicalised exactly as the
    /// normalizer does, so a manifest with the same content plans as <c>unchanged</c>.
    /// </summary>
    public static AppliedRecord Applied(
        string userId,
        string taskId,
        string bodyJson,
        string sourceFile = "tasks/task.yaml",
        string? sourceRevision = null,
        DateTimeOffset? appliedAt = null) =>
        new(
            new TaskIdentity(userId, taskId),
            CanonicalBody.FromJson(bodyJson),
            sourceFile,
            sourceRevision,
            appliedAt ?? DefaultAppliedAt);

    /// <summary>Reads back what a state file holds (e.g. to assert what an apply recorded).</summary>
    public static async Task<IReadOnlyDictionary<TaskIdentity, AppliedRecord>> LoadAsync(
        string path,
        CancellationToken cancellationToken = default)
    {
        await using var store = await SqliteStateStore.OpenAsync(path, cancellationToken: cancellationToken);
        return await store.LoadAppliedAsync(cancellationToken);
    }
}
