using System.Collections;
using Reconciler.Core.Ledger;
using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;

namespace Reconciler.Core.Tasks;

/// <summary>
/// Where each task stands after a run, in plan order, held for <c>/status</c> until the next run: a list of
/// <see cref="TaskStanding"/> that keeps a full record only for a task with something to say. A task in sync with
/// nothing remembered of it (no attempt, no backoff, no drift: nearly every task of a large fleet between changes) is
/// held as the manifest it was planned from, which the service holds anyway, and its line is written out when read,
/// equal to the one <see cref="TaskStandings.Derive(Plan, Applying.ApplyReport?, TaskLedger)"/> would have held
/// (about 190 bytes a task less: docs/performance.md, "Round six"). Immutable.
/// </summary>
public sealed class TaskLines : IReadOnlyList<TaskStanding>
{
    /// <summary>Each line: a <see cref="TaskStanding"/>, or the <see cref="TaskManifest"/> of a task in sync.</summary>
    private readonly object[] _lines;

    /// <summary>When each task's live task was last read (null: no task was read; an entry is null when its task was not).</summary>
    private readonly DateTimeOffset?[]? _lastReads;

    private TaskLines(object[] lines, DateTimeOffset?[]? lastReads)
    {
        _lines = lines;
        _lastReads = lastReads;
    }

    public int Count => _lines.Length;

    public TaskStanding this[int index]
    {
        get
        {
            var line = _lines[index] as TaskStanding ?? InSync((TaskManifest)_lines[index]);
            return _lastReads?[index] is { } at ? line with { LastReadAt = at } : line;
        }
    }

    /// <summary>The lines in order: a full line when <paramref name="line"/> gives one, else the manifest of a task in sync (<see cref="InSyncManifest"/>).</summary>
    internal static TaskLines From(IReadOnlyList<IPlanRow> rows, Func<IPlanRow, TaskManifest?> inSync, Func<IPlanRow, TaskStanding> line)
    {
        var lines = new object[rows.Count];
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = (object?)inSync(rows[i]) ?? line(rows[i]);
        }

        return new TaskLines(lines, null);
    }

    /// <summary>
    /// The manifest an unchanged entry was planned from, when the line it stands for says nothing but "in sync": the
    /// entry's identity, name and location are the manifest's own, apply did not reach it, and the ledger remembers
    /// no backoff and no drift for it. Null when the task needs a full line.
    /// </summary>
    internal static TaskManifest? InSyncManifest(PlanEntry entry, bool applied, TaskMemory memory) =>
        entry is { Action: PlanAction.Unchanged, Reason: null, Desired: { } desired }
        && !applied && memory.Backoff is null && memory.DriftFields is null
        && ReferenceEquals(entry.Identity, desired.Identity) && ReferenceEquals(entry.Name, desired.Name) && ReferenceEquals(entry.Location, desired.Location)
            ? desired
            : null;

    /// <summary>The same lines, each with when its live task was last read (null: not read).</summary>
    public TaskLines WithLastReads(Func<TaskIdentity, DateTimeOffset?> lastReadAt)
    {
        ArgumentNullException.ThrowIfNull(lastReadAt);
        DateTimeOffset?[]? reads = null;
        for (var i = 0; i < _lines.Length; i++)
        {
            var identity = _lines[i] switch
            {
                TaskManifest manifest => manifest.Identity,
                TaskStanding { UserId: { } user, TaskId: { } task } => new TaskIdentity(user, task),
                _ => null,
            };
            if (identity is not null && lastReadAt(identity) is { } at)
            {
                reads ??= new DateTimeOffset?[_lines.Length];
                reads[i] = at;
            }
        }

        return new TaskLines(_lines, reads);
    }

    public IEnumerator<TaskStanding> GetEnumerator()
    {
        for (var i = 0; i < _lines.Length; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The line <see cref="TaskStandings"/> writes for an unchanged entry planned from <paramref name="manifest"/> with nothing remembered.</summary>
    private static TaskStanding InSync(TaskManifest manifest) =>
        new(manifest.Identity.UserId, manifest.Identity.TaskId, manifest.Name, manifest.Location.File, PlanAction.Unchanged, TaskState.InSync, null, null, 0, null, null, []);
}
