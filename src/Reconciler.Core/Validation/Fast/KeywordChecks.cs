using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Reconciler.Core.Json;

namespace Reconciler.Core.Validation.Fast;

/// <summary>The checks of single keywords, as draft 2020-12 defines them, over <see cref="JsonNode"/> instances.</summary>
internal static class KeywordChecks
{
    public static readonly SchemaCheck UniqueItems = static instance =>
    {
        if (instance is not JsonArray array)
        {
            return Verdict.Valid;
        }

        for (var i = 0; i < array.Count; i++)
        {
            for (var j = i + 1; j < array.Count; j++)
            {
                if (JsonInstance.Equivalent(array[i], array[j]))
                {
                    return Verdict.Invalid;
                }
            }
        }

        return Verdict.Valid;
    };

    public static SchemaCheck AllOf(IReadOnlyList<SchemaCheck> checks) => checks.Count switch
    {
        0 => static _ => Verdict.Valid,
        1 => checks[0],
        _ => instance =>
        {
            var verdict = Verdict.Valid;
            foreach (var check in checks)
            {
                switch (check(instance))
                {
                    case Verdict.Invalid:
                        return Verdict.Invalid;
                    case Verdict.Unknown:
                        verdict = Verdict.Unknown;
                        break;
                }
            }

            return verdict;
        },
    };

    public static SchemaCheck AnyOf(IReadOnlyList<SchemaCheck> checks) => instance =>
    {
        var verdict = Verdict.Invalid;
        foreach (var check in checks)
        {
            switch (check(instance))
            {
                case Verdict.Valid:
                    return Verdict.Valid;
                case Verdict.Unknown:
                    verdict = Verdict.Unknown;
                    break;
            }
        }

        return verdict;
    };

    public static SchemaCheck OneOf(IReadOnlyList<SchemaCheck> checks) => instance =>
    {
        int valid = 0, unknown = 0;
        foreach (var check in checks)
        {
            switch (check(instance))
            {
                case Verdict.Valid:
                    valid++;
                    break;
                case Verdict.Unknown:
                    unknown++;
                    break;
            }
        }

        return valid > 1 ? Verdict.Invalid : unknown > 0 ? Verdict.Unknown : valid == 1 ? Verdict.Valid : Verdict.Invalid;
    };

    public static SchemaCheck Not(SchemaCheck check) => instance => check(instance) switch
    {
        Verdict.Valid => Verdict.Invalid,
        Verdict.Invalid => Verdict.Valid,
        _ => Verdict.Unknown,
    };

    public static SchemaCheck IfThenElse(SchemaCheck condition, SchemaCheck? then, SchemaCheck? otherwise) => instance => condition(instance) switch
    {
        Verdict.Valid => then?.Invoke(instance) ?? Verdict.Valid,
        Verdict.Invalid => otherwise?.Invoke(instance) ?? Verdict.Valid,
        _ => Verdict.Unknown,
    };

    public static SchemaCheck Type(JsonElement value)
    {
        var names = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(v => v.GetString()!).ToHashSet() : [value.GetString()!];
        if (names.Except(["object", "array", "string", "number", "integer", "boolean", "null"]).Any())
        {
            throw new UnsupportedSchemaException($"unknown type in {value.GetRawText()}");
        }

        return instance =>
        {
            switch (JsonInstance.Kind(instance))
            {
                case JsonValueKind.Object: return Of(names.Contains("object"));
                case JsonValueKind.Array: return Of(names.Contains("array"));
                case JsonValueKind.String: return Of(names.Contains("string"));
                case JsonValueKind.True or JsonValueKind.False: return Of(names.Contains("boolean"));
                case JsonValueKind.Null: return Of(names.Contains("null"));
                default:
                    if (names.Contains("number"))
                    {
                        return Verdict.Valid;
                    }

                    // A fraction-free number is an integer for everyone; 1.0 is left to JsonSchema.Net.
                    return !names.Contains("integer") ? Verdict.Invalid : JsonInstance.IsIntegerText(instance!) ? Verdict.Valid : Verdict.Unknown;
            }
        };
    }

    public static SchemaCheck Enum(IReadOnlyList<JsonNode?> values) => instance =>
        Of(values.Any(value => JsonInstance.Equivalent(instance, value)));

    public static SchemaCheck Required(IReadOnlyList<string> names) => instance =>
    {
        if (instance is JsonObject obj)
        {
            foreach (var name in names)
            {
                if (!obj.ContainsKey(name))
                {
                    return Verdict.Invalid;
                }
            }
        }

        return Verdict.Valid;
    };

    public static SchemaCheck Properties(IReadOnlyDictionary<string, SchemaCheck> known, SchemaCheck? additional) => instance =>
    {
        if (instance is not JsonObject obj)
        {
            return Verdict.Valid;
        }

        var verdict = Verdict.Valid;
        foreach (var (name, value) in obj)
        {
            var check = known.TryGetValue(name, out var property) ? property : additional;
            switch (check?.Invoke(value))
            {
                case Verdict.Invalid:
                    return Verdict.Invalid;
                case Verdict.Unknown:
                    verdict = Verdict.Unknown;
                    break;
            }
        }

        return verdict;
    };

    public static SchemaCheck Items(SchemaCheck item) => instance =>
    {
        if (instance is not JsonArray array)
        {
            return Verdict.Valid;
        }

        var verdict = Verdict.Valid;
        foreach (var element in array)
        {
            switch (item(element))
            {
                case Verdict.Invalid:
                    return Verdict.Invalid;
                case Verdict.Unknown:
                    verdict = Verdict.Unknown;
                    break;
            }
        }

        return verdict;
    };

    public static SchemaCheck Count(int min, int max) => instance =>
        instance is not JsonArray array ? Verdict.Valid : Of(array.Count >= min && array.Count <= max);

    public static SchemaCheck Length(int min, int max) => instance =>
    {
        if (JsonInstance.Kind(instance) != JsonValueKind.String)
        {
            return Verdict.Valid;
        }

        var length = JsonInstance.TextLength(JsonInstance.Text(instance!));
        return Of(length >= min && length <= max);
    };

    public static SchemaCheck Bound(ExactNumber limit, bool isMinimum) => instance =>
    {
        if (JsonInstance.Kind(instance) != JsonValueKind.Number)
        {
            return Verdict.Valid;
        }

        var order = JsonInstance.Number(instance!).CompareTo(limit);
        return Of(isMinimum ? order >= 0 : order <= 0);
    };

    public static SchemaCheck Pattern(Regex regex) => instance =>
        JsonInstance.Kind(instance) != JsonValueKind.String ? Verdict.Valid : Of(regex.IsMatch(JsonInstance.Text(instance!)));

    private static Verdict Of(bool valid) => valid ? Verdict.Valid : Verdict.Invalid;
}
