using System.Collections.Concurrent;

namespace TaskApi.Simulator;

/// <summary>
/// The platform-held <c>residue</c> of each line ("平均并发数不得超过选用线路的 residue 值"): an update whose average
/// concurrency per line (maximumcall / number of lines) exceeds a chosen line's residue is refused. A line without a
/// residue is not limited. Thread-safe; read by the update validator while the state's lock is held.
/// </summary>
public sealed class LineResidues
{
    private readonly ConcurrentDictionary<string, long> _residues = new(StringComparer.Ordinal);

    /// <summary>Sets a line's residue; null removes the limit.</summary>
    public void Set(string lineId, long? residue)
    {
        ArgumentException.ThrowIfNullOrEmpty(lineId);
        if (residue is { } value)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _residues[lineId] = value;
        }
        else
        {
            _residues.TryRemove(lineId, out _);
        }
    }

    /// <summary>The line's residue, or null when it has none.</summary>
    public long? Of(string lineId) => _residues.TryGetValue(lineId, out var residue) ? residue : null;

    /// <summary>Every line with a residue, by id.</summary>
    public IReadOnlyDictionary<string, long> All() => new SortedDictionary<string, long>(_residues, StringComparer.Ordinal);
}
