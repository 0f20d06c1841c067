using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Reconciler.Core.Json;
using Reconciler.Core.Loading;
using Reconciler.Core.Planning;
using Reconciler.Core.Refresh;

namespace Reconciler.Core.Tests.Refresh;

/// <summary>
/// The oracle of <see cref="LiveComparisonElementTests"/>: the comparison over <see cref="JsonNode"/> as it was before it
/// moved to <see cref="JsonElement"/> (main at 23eaf2b, its body kept verbatim), so the new one is held to its answers.
/// </summary>
internal static class NodeComparisonOracle
{
    public static LiveComparison Compare(JsonObject desired, JsonObject detail)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(detail);
        var changes = new List<FieldChange>();
        var notCompared = new List<string>();
        var compared = new List<string>();
        foreach (var (field, value) in desired.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (LiveFieldMapping.NeverCompared.Contains(field))
            {
                notCompared.Add(field);
            }
            else if (field == "task_extras" && value is JsonObject extras)
            {
                CompareExtras(extras, detail, changes, notCompared, compared);
            }
            else if (detail.TryGetPropertyValue(field, out var live))
            {
                Add(JsonPointers.Append("", field), live, value, changes, compared);
            }
            else
            {
                notCompared.Add(field);
            }
        }

        return new LiveComparison(changes, notCompared) { Compared = compared.Count };
    }

    private static void CompareExtras(JsonObject extras, JsonObject detail, List<FieldChange> changes, List<string> notCompared, List<string> compared)
    {
        var run = detail["new_task_extra"] as JsonObject;
        var liveExtras = detail["task_extras"] as JsonObject;
        foreach (var (key, value) in extras.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var pointer = JsonPointers.Append("/task_extras", key);
            if (liveExtras is not null && liveExtras.TryGetPropertyValue(key, out var fromExtras))
            {
                Add(pointer, fromExtras, value, changes, compared);
            }
            else if (LiveFieldMapping.RunSettings.ContainsKey(key) && run is not null && run.TryGetPropertyValue(key, out var fromRun))
            {
                Add(pointer, fromRun, value, changes, compared);
            }
            else
            {
                notCompared.Add("task_extras." + key);
            }
        }
    }

    private static void Add(string pointer, JsonNode? live, JsonNode? desired, List<FieldChange> changes, List<string> compared)
    {
        compared.Add(pointer);
        if (!Equivalent(live, desired))
        {
            changes.Add(new FieldChange(pointer, Text(live), Text(desired)));
        }
    }

    /// <summary>Equal as the platform may write them: digits as string or number alike; extra keys in a live object ignored.</summary>
    public static bool Equivalent(JsonNode? live, JsonNode? desired) => (live, desired) switch
    {
        (null, null) => true,
        (JsonObject l, JsonObject d) => d.All(p => l.TryGetPropertyValue(p.Key, out var lv) && Equivalent(lv, p.Value)),
        (JsonArray l, JsonArray d) => l.Count == d.Count && l.Zip(d).All(x => Equivalent(x.First, x.Second)),
        (JsonValue l, JsonValue d) => Scalar(l) is { } ls && Scalar(d) is { } ds && ls == ds,
        _ => false,
    };

    /// <summary>A scalar's comparable text: numbers and digit strings by their decimal value, other strings as they are.</summary>
    private static string? Scalar(JsonValue value)
    {
        var element = JsonSerializer.SerializeToElement(value);
        return element.ValueKind switch
        {
            JsonValueKind.Number => Number(element.GetRawText()),
            JsonValueKind.String when element.GetString() is { } s && IsNumber(s) => Number(s),
            JsonValueKind.String => "s:" + element.GetString(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Null => "null",
            _ => element.GetRawText(),
        };
    }

    private static bool IsNumber(string text) => text.Length is > 0 and < 40 && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _) && text.Trim() == text;

    // Ids beyond 2^53 stay exact: decimal holds 28 digits; longer literals compare as written.
    private static string Number(string text)
    {
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return "n:" + text;
        }

        var normal = value.ToString(CultureInfo.InvariantCulture);
        return "n:" + (normal.Contains('.', StringComparison.Ordinal) ? normal.TrimEnd('0').TrimEnd('.') : normal);
    }

    private static string? Text(JsonNode? node) => node is null ? "null" : CanonicalJson.Serialize(CanonicalJson.SortKeys(node.DeepClone()));
}
