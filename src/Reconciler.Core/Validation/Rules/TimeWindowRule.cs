using System.Text.Json;
using Reconciler.Core.Diagnostics;

namespace Reconciler.Core.Validation.Rules;

/// <summary>
/// Script-group time windows (按时间配置): each <c>HH:MM</c> window must begin before it ends, and the
/// windows of one list must not overlap (a call at 10:30 must map to one script group).
/// </summary>
internal sealed class TimeWindowRule : IManifestRule
{
    private static readonly (string Pointer, string Begin, string End)[] Lists =
    [
        ("/spec/task_extras/destination_extension_list", "begin", "end"),
        ("/spec/group_switch_rule", "switch_start", "switch_end"),
    ];

    public IEnumerable<Diagnostic> Check(ManifestDocument document)
    {
        foreach (var (pointer, beginKey, endKey) in Lists)
        {
            var windows = document.Find(pointer);
            if (windows is not { ValueKind: JsonValueKind.Array })
            {
                continue;
            }

            var parsed = new List<(int Index, int Begin, int End)>();
            for (var i = 0; i < ManifestDocument.Count(windows); i++)
            {
                var window = ManifestDocument.Item(windows, i);
                var begin = ManifestDocument.Text(ManifestDocument.Child(window, beginKey));
                var end = ManifestDocument.Text(ManifestDocument.Child(window, endKey));
                var beginOk = TimeText.TryParseClock(begin, out var beginMinutes);
                var endOk = TimeText.TryParseClock(end, out var endMinutes);
                if (begin is not null && !beginOk)
                {
                    yield return document.Error("time-window", $"{beginKey} '{begin}' is not a time of day HH:MM (00:00–23:59)", $"{pointer}/{i}/{beginKey}");
                }

                if (end is not null && !endOk)
                {
                    yield return document.Error("time-window", $"{endKey} '{end}' is not a time of day HH:MM (00:00–23:59)", $"{pointer}/{i}/{endKey}");
                }

                if (!beginOk || !endOk)
                {
                    continue;
                }

                if (beginMinutes >= endMinutes)
                {
                    yield return document.Error("time-window", $"window {begin}–{end} must begin before it ends", $"{pointer}/{i}/{endKey}");
                    continue;
                }

                parsed.Add((i, beginMinutes, endMinutes));
            }

            foreach (var diagnostic in Overlaps(document, pointer, beginKey, parsed))
            {
                yield return diagnostic;
            }
        }
    }

    private static IEnumerable<Diagnostic> Overlaps(ManifestDocument document, string pointer, string beginKey, List<(int Index, int Begin, int End)> windows)
    {
        var ordered = windows.OrderBy(w => w.Begin).ThenBy(w => w.Index).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            var (previous, current) = (ordered[i - 1], ordered[i]);
            if (current.Begin < previous.End)
            {
                var later = Math.Max(previous.Index, current.Index);
                var earlier = Math.Min(previous.Index, current.Index);
                yield return document.Error(
                    "time-window-overlap",
                    $"window {Clock(current.Begin)}–{Clock(current.End)} overlaps window {Clock(previous.Begin)}–{Clock(previous.End)} (entry {earlier})",
                    $"{pointer}/{later}/{beginKey}");
            }
        }
    }

    private static string Clock(int minutes) => $"{minutes / 60:00}:{minutes % 60:00}";
}
