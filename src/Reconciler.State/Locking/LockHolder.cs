using System.Globalization;
using System.Text;

namespace Reconciler.State.Locking;

/// <summary>
/// Who holds the apply lock, as written into the lock file: only so that a second apply can say
/// whom it is waiting for. The lock itself is the OS lock on the file, never this text.
/// </summary>
internal sealed record LockHolder(int ProcessId, DateTimeOffset Since)
{
    public string Format() =>
        $"pid={ProcessId.ToString(CultureInfo.InvariantCulture)}\nsince={StateText.TimestampSeconds(Since)}\n";

    public byte[] ToBytes() => Encoding.UTF8.GetBytes(Format());

    /// <summary>Reads what <see cref="Format"/> wrote; null for anything else (empty, half-written, foreign).</summary>
    public static LockHolder? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        int? pid = null;
        DateTimeOffset? since = null;
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (key, value) = line.IndexOf('=', StringComparison.Ordinal) is var at and > 0
                ? (line[..at], line[(at + 1)..])
                : (line, string.Empty);
            if (key == "pid" && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsedPid))
            {
                pid = parsedPid;
            }
            else if (key == "since" && DateTimeOffset.TryParse(
                         value,
                         CultureInfo.InvariantCulture,
                         DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
                         out var parsedSince))
            {
                since = parsedSince;
            }
        }

        return pid is { } p && since is { } s ? new LockHolder(p, s) : null;
    }
}
