using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Reconciler.Core.Json;
using Reconciler.Core.Loading;
using Reconciler.Core.Planning;

namespace Reconciler.Core.Refresh;

/// <summary>
/// Compares the desired body with the live task (its detail answer), field by field, only where the detail
/// carries the field (<see cref="LiveFieldMapping"/>). Values are compared as the platform may spell them: a
/// digit string equals the same number, and an object from the platform may carry keys the body does not name.
/// </summary>
/// <param name="Changes">Fields whose live value differs: <c>Before</c> is the live value, <c>After</c> the desired one.</param>
/// <param name="NotCompared">Body fields (dotted, e.g. <c>task_extras.redial_interval</c>) the detail does not carry.</param>
public sealed record LiveComparison(IReadOnlyList<FieldChange> Changes, IReadOnlyList<string> NotCompared)
{
    public bool Drifted => Changes.Count > 0;

    /// <summary>How many fields the detail carried and were compared (equal or not).</summary>
    public int Compared { get; init; }

    public static LiveComparison Compare(JsonObject desired, JsonObject detail)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(detail);
        return Compare(JsonSerializer.SerializeToElement(desired), JsonSerializer.SerializeToElement(detail));
    }

    /// <summary>The desired canonical body against the detail's element: the body is parsed into a pooled document, not into nodes.</summary>
    public static LiveComparison Compare(Normalization.CanonicalBody desired, JsonElement detail)
    {
        ArgumentNullException.ThrowIfNull(desired);
        using var document = JsonDocument.Parse(desired.Utf8Memory);
        return Compare(document.RootElement, detail);
    }

    /// <summary>
    /// The comparison over the parsed JSON itself (the desired body's document, the detail answer's element): no nodes
    /// are built for the fields that are equal, which is nearly all of them.
    /// </summary>
    public static LiveComparison Compare(JsonElement desired, JsonElement detail)
    {
        if (desired.ValueKind != JsonValueKind.Object || detail.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("the desired body and the detail are JSON objects");
        }

        var changes = new List<FieldChange>();
        var notCompared = new List<string>();
        var compared = 0;
        foreach (var property in desired.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var (field, value) = (property.Name, property.Value);
            if (LiveFieldMapping.NeverCompared.Contains(field))
            {
                notCompared.Add(field);
            }
            else if (field == "task_extras" && value.ValueKind == JsonValueKind.Object)
            {
                compared += CompareExtras(value, detail, changes, notCompared);
            }
            else if (detail.TryGetProperty(field, out var live))
            {
                compared += Add(JsonPointers.Append("", field), live, value, changes);
            }
            else
            {
                notCompared.Add(field);
            }
        }

        return new LiveComparison(changes, notCompared) { Compared = compared };
    }

    private static int CompareExtras(JsonElement extras, JsonElement detail, List<FieldChange> changes, List<string> notCompared)
    {
        var run = detail.TryGetProperty("new_task_extra", out var r) && r.ValueKind == JsonValueKind.Object ? r : (JsonElement?)null;
        var liveExtras = detail.TryGetProperty("task_extras", out var x) && x.ValueKind == JsonValueKind.Object ? x : (JsonElement?)null;
        var compared = 0;
        foreach (var property in extras.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var (key, value) = (property.Name, property.Value);
            var pointer = JsonPointers.Append("/task_extras", key);
            if (liveExtras is { } fromExtras && fromExtras.TryGetProperty(key, out var live))
            {
                compared += Add(pointer, live, value, changes);
            }
            else if (LiveFieldMapping.RunSettings.ContainsKey(key) && run is { } fromRun && fromRun.TryGetProperty(key, out var runValue))
            {
                compared += Add(pointer, runValue, value, changes);
            }
            else
            {
                notCompared.Add("task_extras." + key);
            }
        }

        return compared;
    }

    /// <summary>Compares one field; returns 1 (one field compared).</summary>
    private static int Add(string pointer, JsonElement live, JsonElement desired, List<FieldChange> changes)
    {
        if (!Equivalent(live, desired))
        {
            changes.Add(new FieldChange(pointer, Text(live), Text(desired)));
        }

        return 1;
    }

    /// <summary>Equal as the platform may write them: digits as string or number alike; extra keys in a live object ignored.</summary>
    public static bool Equivalent(JsonNode? live, JsonNode? desired) =>
        Equivalent(JsonSerializer.SerializeToElement(live), JsonSerializer.SerializeToElement(desired));

    /// <inheritdoc cref="Equivalent(JsonNode?, JsonNode?)"/>
    public static bool Equivalent(JsonElement live, JsonElement desired) => (live.ValueKind, desired.ValueKind) switch
    {
        (JsonValueKind.Null, JsonValueKind.Null) => true,
        (JsonValueKind.Null, _) or (_, JsonValueKind.Null) => false,
        (JsonValueKind.Object, JsonValueKind.Object) => desired.EnumerateObject().All(p => live.TryGetProperty(p.Name, out var lv) && Equivalent(lv, p.Value)),
        (JsonValueKind.Array, JsonValueKind.Array) => live.GetArrayLength() == desired.GetArrayLength() && live.EnumerateArray().Zip(desired.EnumerateArray()).All(x => Equivalent(x.First, x.Second)),
        (JsonValueKind.Object or JsonValueKind.Array, _) or (_, JsonValueKind.Object or JsonValueKind.Array) => false,
        _ => Scalar(live) == Scalar(desired),
    };

    /// <summary>A scalar's comparable text: numbers and digit strings by their decimal value, other strings as they are.</summary>
    private static string Scalar(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => Number(element.GetRawText()),
        JsonValueKind.String when element.GetString() is { } s && IsNumber(s) => Number(s),
        JsonValueKind.String => "s:" + element.GetString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => element.GetRawText(),
    };

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

    /// <summary>A value as the plan shows it (canonical JSON); built only for the fields that differ.</summary>
    private static string Text(JsonElement value) => JsonNode.Parse(value.GetRawText()) is { } node ? CanonicalJson.Serialize(CanonicalJson.SortKeys(node)) : "null";
}
