using System.Text.Json;
using Reconciler.Core.Diagnostics;

namespace Reconciler.Core.Validation.Rules;

/// <summary>
/// The task runs from <c>start_time</c> to <c>stop_time</c>, and each holiday (休息日) from its start to
/// its end: each period must start before it stops, in a format the document uses.
/// </summary>
internal sealed class TaskPeriodRule : IManifestRule
{
    public IEnumerable<Diagnostic> Check(ManifestDocument document)
    {
        if (document.TaskExtras is not { } extras)
        {
            yield break;
        }

        foreach (var diagnostic in CheckPeriod(document, extras, "/spec/task_extras", "start_time", "stop_time"))
        {
            yield return diagnostic;
        }

        var holidays = ManifestDocument.Child(extras, "holiday");
        for (var i = 0; i < ManifestDocument.Count(holidays); i++)
        {
            if (ManifestDocument.Item(holidays, i) is { ValueKind: JsonValueKind.Object } holiday)
            {
                // The document writes a holiday's start both as 'begin' and as 'start'.
                var startKey = ManifestDocument.Child(holiday, "begin") is not null ? "begin" : "start";
                foreach (var diagnostic in CheckPeriod(document, holiday, $"/spec/task_extras/holiday/{i}", startKey, "end"))
                {
                    yield return diagnostic;
                }
            }
        }
    }

    private static IEnumerable<Diagnostic> CheckPeriod(ManifestDocument document, JsonElement owner, string pointer, string startKey, string endKey)
    {
        var start = ManifestDocument.Text(ManifestDocument.Child(owner, startKey));
        var end = ManifestDocument.Text(ManifestDocument.Child(owner, endKey));
        var startOk = TimeText.TryParseDateTime(start, out var startValue);
        var endOk = TimeText.TryParseDateTime(end, out var endValue);
        if (start is not null && !startOk)
        {
            yield return document.Error("date-time", $"{startKey} '{start}' is not a date-time like 2025-01-31 09:00:00", $"{pointer}/{startKey}");
        }

        if (end is not null && !endOk)
        {
            yield return document.Error("date-time", $"{endKey} '{end}' is not a date-time like 2025-01-31 21:00:00", $"{pointer}/{endKey}");
        }

        if (startOk && endOk && startValue >= endValue)
        {
            yield return document.Error("period-order", $"{startKey} {start} must be before {endKey} {end}", $"{pointer}/{endKey}");
        }
    }
}
