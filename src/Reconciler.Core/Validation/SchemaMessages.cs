using System.Globalization;
using System.Text.Json;

namespace Reconciler.Core.Validation;

/// <summary>
/// The operator-facing sentence for each schema keyword. Library messages ("Value should match one of
/// the values specified by the enum") say nothing a call-centre operator can act on, so we word our own
/// from the schema's values.
/// </summary>
internal static class SchemaMessages
{
    // Meanings shown next to short enums; one field name means the same thing in both flavours.
    private static readonly Dictionary<string, Dictionary<string, string>> EnumMeanings = new(StringComparer.Ordinal)
    {
        ["apiVersion"] = new(StringComparer.Ordinal) { ["\"tasks/v2\""] = "新版任务2.0", ["\"tasks/v2-legacy\""] = "旧版任务2.0" },
        ["pop_mode"] = new(StringComparer.Ordinal) { ["0"] = "random", ["1"] = "in order", ["2"] = "reverse order" },
        ["is_group_switch"] = new(StringComparer.Ordinal)
        {
            ["0"] = "one script group", ["1"] = "by time", ["2"] = "by number variable", ["3"] = "several script groups",
        },
        ["mode"] = new(StringComparer.Ordinal) { ["0"] = "contains any keyword", ["1"] = "equals any keyword" },
        ["dial_mode"] = new(StringComparer.Ordinal) { ["0"] = "round robin", ["1"] = "random" },
    };

    // anyOf/oneOf failures get one sentence for the whole choice, keyed by the $defs entry holding it.
    private static readonly Dictionary<string, string> ChoiceMessages = new(StringComparer.Ordinal)
    {
        ["id"] = "must be an integer or a string of digits",
        ["flag"] = "must be true or false (or 1 or 0)",
        ["pathSegment"] = "must be an integer or a non-empty string of letters, digits, '-', '_', '.' or '~' (not '.' or '..')",
        ["holiday"] = "needs exactly one of 'begin' or 'start'",
        ["setSpec"] = "needs items, itemsFrom (a CSV file), or both",
    };

    private static readonly Dictionary<string, string> PatternMessages = new(StringComparer.Ordinal)
    {
        ["hhmm"] = "must be a time of day as HH:MM, from 00:00 to 23:59",
        ["hhmmss"] = "must be a time of day as HH:MM:SS, from 00:00:00 to 23:59:59",
        ["dateTime"] = "must be a date and time like '2024-12-23 19:00:00'",
        ["subUserId"] = "must contain only letters, digits, '-', '_', '.' or '~'",
        ["nonBlank"] = "must not be empty or only white space (the platform refuses a blank value here)",
        ["printable"] = "must not contain control characters (line breaks, tabs, escapes)",
        ["setName"] = "must start with a letter and contain only letters, digits, '-', '_' or '.' (at most 100 characters)",
        ["csvPath"] = "must be a path to a .csv file relative to this manifest (no leading '/')",
    };

    /// <summary>The $defs entries whose anyOf/oneOf, pattern or not have their own sentence (a test keeps the schemas in step).</summary>
    public static IReadOnlyCollection<string> WordedChoices => ChoiceMessages.Keys;

    public static IReadOnlyCollection<string> WordedPatterns => PatternMessages.Keys;

    public static IReadOnlyCollection<string> WordedNots { get; } = ["newV2Only", "legacyOnly", "subUserIdInMetadata"];

    public static string UnknownField(string name, string? suggestion = null) =>
        suggestion is null ? $"unknown field '{name}'" : $"unknown field '{name}' (did you mean '{suggestion}'?)";

    public static string MissingField(string name) => $"missing required field '{name}'";

    /// <summary>An unknown field that is a near miss of a required field that is missing: one sentence for both.</summary>
    public static string MisspeltRequiredField(string name, string required) =>
        $"unknown field '{name}' — did you mean '{required}'? (required field '{required}' is missing)";

    public static string Choice(string keyword, string? defName) =>
        defName is not null && ChoiceMessages.TryGetValue(defName, out var message) ? message
        : keyword == "oneOf" ? "must match exactly one of the allowed forms"
        : "does not match any of the allowed forms";

    public static string Not(string? defName, string field) => defName switch
    {
        "newV2Only" => $"field '{field}' is only accepted with apiVersion tasks/v2 (新版任务2.0), not tasks/v2-legacy (旧版任务2.0)",
        "legacyOnly" => $"field '{field}' is only accepted with apiVersion tasks/v2-legacy (旧版任务2.0), not tasks/v2 (新版任务2.0)",
        "subUserIdInMetadata" => "set the sub-account in metadata.sub_user_id, not in spec",
        _ => $"field '{field}' is not allowed here",
    };

    public static string Pattern(string? defName) =>
        defName is not null && PatternMessages.TryGetValue(defName, out var message) ? message : "does not have the expected format";

    public static string Type(JsonElement expected, JsonElement? actual)
    {
        var names = expected.ValueKind == JsonValueKind.Array
            ? expected.EnumerateArray().Select(t => TypeName(t.GetString())).ToList()
            : [TypeName(expected.GetString())];
        var found = actual is { } value ? $", not {KindName(value)}" : "";
        return $"must be {string.Join(" or ", names)}{found}";
    }

    public static string Enum(JsonElement values, string? field)
    {
        EnumMeanings.TryGetValue(field ?? "", out var meanings);
        var shown = values.EnumerateArray().Select(v =>
        {
            var raw = v.GetRawText();
            return meanings is not null && meanings.TryGetValue(raw, out var meaning) ? $"{Show(v)} ({meaning})" : Show(v);
        });
        return $"must be one of {string.Join(", ", shown)}";
    }

    public static string Const(JsonElement value) => $"must be {Show(value)}";

    public static string Bound(string keyword, JsonElement limit) => keyword switch
    {
        "minimum" => $"must be at least {limit.GetRawText()}",
        "maximum" => $"must be at most {limit.GetRawText()}",
        "exclusiveMinimum" => $"must be greater than {limit.GetRawText()}",
        "exclusiveMaximum" => $"must be less than {limit.GetRawText()}",
        "multipleOf" => $"must be a multiple of {limit.GetRawText()}",
        "minLength" => limit.GetRawText() == "1" ? "must not be empty" : $"must be at least {limit.GetRawText()} characters long",
        "maxLength" => $"must be at most {limit.GetRawText()} characters long",
        "minItems" => $"must have at least {Count(limit, "item")}",
        "maxItems" => $"must have at most {Count(limit, "item")}",
        "minProperties" => $"must have at least {Count(limit, "field")}",
        "maxProperties" => $"must have at most {Count(limit, "field")}",
        _ => $"fails {keyword} {limit.GetRawText()}",
    };

    public static string UniqueItems => "must not contain duplicates";

    public static string NotAllowed => "is not allowed here";

    private static string Count(JsonElement limit, string noun) =>
        limit.GetRawText() == "1" ? $"1 {noun}" : $"{limit.GetRawText()} {noun}s";

    // Strings in single quotes (YAML-friendly); numbers exactly as written, never through double.
    private static string Show(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? $"'{value.GetString()}'" : value.GetRawText();

    private static string TypeName(string? type) => type switch
    {
        "integer" => "an integer",
        "number" => "a number",
        "string" => "a string",
        "boolean" => "true or false",
        "object" => "an object",
        "array" => "an array",
        "null" => "null",
        _ => type ?? "?",
    };

    private static string KindName(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true/false",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Null => "null",
        _ => value.ValueKind.ToString().ToLower(CultureInfo.InvariantCulture),
    };
}
