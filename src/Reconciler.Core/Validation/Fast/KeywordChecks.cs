using System.Text.Json;
using System.Text.RegularExpressions;
using Reconciler.Core.Json;

namespace Reconciler.Core.Validation.Fast;

/// <summary>The checks of single keywords, as draft 2020-12 defines them, over <see cref="JsonElement"/> instances.</summary>
internal static class KeywordChecks
{
    public static readonly SchemaCheck UniqueItems = static instance =>
    {
        if (instance.ValueKind != JsonValueKind.Array)
        {
            return Verdict.Valid;
        }

        var length = instance.GetArrayLength();
        for (var i = 0; i < length; i++)
        {
            for (var j = i + 1; j < length; j++)
            {
                if (JsonInstance.Equivalent(instance[i], instance[j]))
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
                if (Meet(ref verdict, check(instance)))
                {
                    return Verdict.Invalid;
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
            switch (instance.ValueKind)
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
                    return !names.Contains("integer") ? Verdict.Invalid : JsonInstance.IsIntegerText(instance) ? Verdict.Valid : Verdict.Unknown;
            }
        };
    }

    public static SchemaCheck Enum(IReadOnlyList<JsonElement> values)
    {
        // Strings and numbers (what our enums hold) are matched without reading the schema's side again per instance.
        var matchers = values.Select(Func<JsonElement, bool> (value) => value.ValueKind switch
        {
            JsonValueKind.String when value.GetString() is { } text => instance => instance.ValueKind == JsonValueKind.String && instance.ValueEquals(text),
            JsonValueKind.Number when JsonInstance.Number(value) is var number => instance => instance.ValueKind == JsonValueKind.Number && JsonInstance.Compare(instance, number, value) == 0,
            _ => instance => JsonInstance.Equivalent(instance, value),
        }).ToArray();
        return instance =>
        {
            foreach (var match in matchers)
            {
                if (match(instance))
                {
                    return Verdict.Valid;
                }
            }

            return Verdict.Invalid;
        };
    }

    public static SchemaCheck Required(IReadOnlyList<string> names)
    {
        // Looked up as UTF-8, as the document holds its names.
        var utf8 = names.Select(System.Text.Encoding.UTF8.GetBytes).ToArray();
        return instance =>
        {
            if (instance.ValueKind == JsonValueKind.Object)
            {
                foreach (var name in utf8)
                {
                    if (!instance.TryGetProperty(name, out _))
                    {
                        return Verdict.Invalid;
                    }
                }
            }

            return Verdict.Valid;
        };
    }

    public static SchemaCheck Properties(IReadOnlyDictionary<string, SchemaCheck> known, SchemaCheck? additional)
    {
        var lookup = new Dictionary<string, SchemaCheck>(known, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        return instance =>
        {
            if (instance.ValueKind != JsonValueKind.Object)
            {
                return Verdict.Valid;
            }

            var verdict = Verdict.Valid;
            foreach (var property in instance.EnumerateObject())
            {
                var check = JsonInstance.TryGetByName(lookup, property, out var named) ? named : additional;
                if (check is not null && Meet(ref verdict, check(property.Value)))
                {
                    return Verdict.Invalid;
                }
            }

            return verdict;
        };
    }

    public static SchemaCheck Items(SchemaCheck item) => instance =>
    {
        if (instance.ValueKind != JsonValueKind.Array)
        {
            return Verdict.Valid;
        }

        var verdict = Verdict.Valid;
        foreach (var element in instance.EnumerateArray())
        {
            if (Meet(ref verdict, item(element)))
            {
                return Verdict.Invalid;
            }
        }

        return verdict;
    };

    public static SchemaCheck Count(int min, int max) => instance =>
        instance.ValueKind != JsonValueKind.Array ? Verdict.Valid : Of(instance.GetArrayLength() >= min && instance.GetArrayLength() <= max);

    public static SchemaCheck Length(int min, int max) => instance =>
    {
        if (instance.ValueKind != JsonValueKind.String)
        {
            return Verdict.Valid;
        }

        var length = JsonInstance.TextLength(instance);
        return Of(length >= min && length <= max);
    };

    public static SchemaCheck Bound(JsonElement limitValue, bool isMinimum)
    {
        var limit = JsonInstance.Number(limitValue);
        return instance =>
        {
            if (instance.ValueKind != JsonValueKind.Number)
            {
                return Verdict.Valid;
            }

            var order = JsonInstance.Compare(instance, limit, limitValue);
            return Of(isMinimum ? order >= 0 : order <= 0);
        };
    }

    public static SchemaCheck Pattern(Regex regex) => instance =>
        instance.ValueKind != JsonValueKind.String ? Verdict.Valid : Of(JsonInstance.IsMatch(regex, instance));

    private static Verdict Of(bool valid) => valid ? Verdict.Valid : Verdict.Invalid;

    /// <summary>Folds one part's verdict into a conjunction's: true when it is invalid (nothing after it matters), else unknown spreads.</summary>
    private static bool Meet(ref Verdict verdict, Verdict part)
    {
        if (part == Verdict.Unknown)
        {
            verdict = Verdict.Unknown;
        }

        return part == Verdict.Invalid;
    }
}
