using System.Text.Json;
using Reconciler.Core.Diagnostics;

namespace Reconciler.Core.Validation.Rules;

/// <summary>
/// 旧版 redial rules: "重呼执行时间 (时间范围10-11 13-22)". Read as two clock ranges, 10:00:00–11:00:00 and
/// 13:00:00–22:00:00, both ends included (so 11:30 and 22:30 are outside). The simulator reads the range the same
/// way, in its own code; README ("Rules") documents the reading.
/// </summary>
internal sealed class RecallTimeRule : IManifestRule
{
    private static readonly (int From, int To)[] AllowedRanges = [(10 * 3600, 11 * 3600), (13 * 3600, 22 * 3600)];

    public IEnumerable<Diagnostic> Check(ManifestDocument document)
    {
        var rules = ManifestDocument.Child(document.SpecElement, "new_call_rules");
        for (var i = 0; i < ManifestDocument.Count(rules); i++)
        {
            var pointer = $"/spec/new_call_rules/{i}/re_call_time";
            var text = ManifestDocument.Text(ManifestDocument.Child(ManifestDocument.Item(rules, i), "re_call_time"));
            if (text is null)
            {
                continue;
            }

            if (!TimeText.TryParseClockWithSeconds(text, out var seconds))
            {
                yield return document.Error("recall-time", $"re_call_time '{text}' is not a time of day HH:MM:SS", pointer);
            }
            else if (!AllowedRanges.Any(r => seconds >= r.From && seconds <= r.To))
            {
                yield return document.Error("recall-time", $"re_call_time {text} is outside the allowed ranges 10:00–11:00 and 13:00–22:00 (重呼执行时间)", pointer);
            }
        }
    }
}
