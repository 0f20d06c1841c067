using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Reconciler.Core.Applying.Rollout;
using Reconciler.Core.State;
using Reconciler.Core.State.Export;

namespace Reconciler.State.Sql;

/// <summary>The revision the service holds back (<see cref="IRevisionHolds"/>): table <c>revision_holds</c>, one open row at most.</summary>
public abstract partial class SqlStateStore
{
    private const string HoldColumns = "id, kind, revision, held_at, halt, rolled_back_to";

    /// <summary>The new hold first (its id is the command's answer), then every other open one released by it.</summary>
    private const string InsertHold = """
        INSERT INTO revision_holds (kind, revision, held_at, halt, rolled_back_to)
        VALUES (@kind, @revision, @held_at, @halt, @rolled_back_to) RETURNING id;
        UPDATE revision_holds SET released_at = @held_at, released_reason = 'replaced by a newer hold'
        WHERE released_at IS NULL AND id <> (SELECT MAX(id) FROM revision_holds);
        """;

    private const string ReadOpenHold = $"SELECT {HoldColumns} FROM revision_holds WHERE released_at IS NULL ORDER BY id DESC LIMIT 1;";

    private const string ReleaseHold = "UPDATE revision_holds SET released_at = @at, released_reason = @reason WHERE id = @id AND released_at IS NULL;";

    public async Task<RevisionHold> HoldAsync(RevisionHold hold, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hold);
        var id = await Write($"record that revision {hold.Revision} is held back", InsertHold, p => p
            .Text("kind", StoreStatements.HoldKindWord(hold.Kind))
            .Text("revision", hold.Revision)
            .Time("held_at", hold.At)
            .Text("halt", hold.Halt is null ? null : JsonSerializer.Serialize(hold.Halt))
            .Text("rolled_back_to", hold.RolledBackTo), cancellationToken);
        return hold with { Id = Convert.ToInt64(id, CultureInfo.InvariantCulture) };
    }

    public async Task<RevisionHold?> ReadHoldAsync(CancellationToken cancellationToken) =>
        (await Read("read the revision held back", ReadOpenHold, _ => { }, HoldRow, cancellationToken)).SingleOrDefault();

    public async Task<RevisionHold?> ReleaseHoldAsync(DateTimeOffset at, string reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (await ReadHoldAsync(cancellationToken) is not { } open)
        {
            return null;
        }

        await Write($"release the hold on revision {open.Revision}", ReleaseHold, p => p.Time("at", at).Text("reason", reason).Long("id", open.Id), cancellationToken);
        return open;
    }

    private RevisionHold HoldRow(DbDataReader row) => new(
        row.GetString(1) == "halted" ? RevisionHoldKind.Halted : RevisionHoldKind.RolledBack,
        row.GetString(2),
        Dialect.ReadTime(row, 3),
        StoreRows.Text(row, 4) is { } halt ? JsonSerializer.Deserialize<RolloutHalt>(halt) : null,
        StoreRows.Text(row, 5))
    {
        Id = row.GetInt64(0),
    };

    /// <summary>A row of <see cref="StoreStatements.ExportHolds"/>: the hold's columns, then when and why it was released.</summary>
    private ExportedHold ExportedHoldRow(DbDataReader row) =>
        new(HoldRow(row), row.IsDBNull(6) ? null : Dialect.ReadTime(row, 6), StoreRows.Text(row, 7));
}
