using System.Text.Json;
using Reconciler.Core.Json;
using Reconciler.Core.Validation.Patterns;

namespace Reconciler.Core.Validation.Fast;

/// <summary>
/// Compiles our draft 2020-12 schemas into plain checks over <see cref="JsonElement"/>, for a fast verdict on
/// the common case: a valid manifest. It implements exactly the keywords <c>schemas/</c> uses, each as the
/// specification and JsonSchema.Net 8 define it; a schema with any other keyword (or a <c>$ref</c> it cannot
/// resolve) is refused with <see cref="UnsupportedSchemaException"/>, and the catalog then evaluates every
/// document with JsonSchema.Net alone. Where an instance could be read two ways (a fraction where an
/// integer is asked), the check answers <see cref="Verdict.Unknown"/>; numbers compare exactly, whatever their size.
/// </summary>
internal sealed class SchemaCompiler
{
    private const string Draft202012 = "https://json-schema.org/draft/2020-12/schema";

    /// <summary>Keywords that never affect validity here (annotations, and the $defs container).</summary>
    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal)
    {
        "$defs", "description", "title", "$comment", "examples", "default", "deprecated", "readOnly", "writeOnly", "then", "else",
    };

    private readonly IReadOnlyDictionary<string, JsonElement> _roots;
    private readonly Dictionary<(string File, string Pointer), SchemaCheck> _compiled = [];

    private SchemaCompiler(IReadOnlyDictionary<string, JsonElement> roots) => _roots = roots;

    /// <summary>The check for the root of <paramref name="file"/>; <c>$ref</c>s between files resolve by file name.</summary>
    /// <exception cref="UnsupportedSchemaException">The schema needs something not implemented here.</exception>
    public static SchemaCheck Compile(IReadOnlyDictionary<string, JsonElement> roots, string file) =>
        new SchemaCompiler(roots).Reference(file, "");

    private SchemaCheck Reference(string file, string pointer)
    {
        if (_compiled.TryGetValue((file, pointer), out var known))
        {
            return known;
        }

        // Registered before compiling, so a schema that refers to itself compiles (and runs) through the holder.
        SchemaCheck? target = null;
        _compiled[(file, pointer)] = instance => target!(instance);
        target = Compile(file, Resolve(file, pointer));
        _compiled[(file, pointer)] = target;
        return target;
    }

    private JsonElement Resolve(string file, string pointer)
    {
        if (!_roots.TryGetValue(file, out var node))
        {
            throw new UnsupportedSchemaException($"$ref to unknown schema file '{file}'");
        }

        foreach (var raw in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (raw.Contains('%', StringComparison.Ordinal))
            {
                throw new UnsupportedSchemaException($"percent-encoded $ref '{pointer}'");
            }

            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node.ValueKind == JsonValueKind.Object && node.TryGetProperty(segment, out var child)
                ? child
                : throw new UnsupportedSchemaException($"$ref '{file}#{pointer}' does not resolve");
        }

        return node;
    }

    private SchemaCheck Compile(string file, JsonElement schema)
    {
        switch (schema.ValueKind)
        {
            case JsonValueKind.True:
                return static _ => Verdict.Valid;
            case JsonValueKind.False:
                return static _ => Verdict.Invalid;
            case JsonValueKind.Object:
                break;
            default:
                throw new UnsupportedSchemaException($"a schema must be an object or a boolean, not {schema.ValueKind}");
        }

        var checks = new List<SchemaCheck>();
        foreach (var keyword in schema.EnumerateObject())
        {
            if (Ignored.Contains(keyword.Name))
            {
                continue;
            }

            checks.Add(keyword.Name switch
            {
                "$schema" when keyword.Value.ValueKind == JsonValueKind.String && keyword.Value.GetString() == Draft202012 => static _ => Verdict.Valid,
                "$ref" => Ref(file, keyword.Value),
                "type" => KeywordChecks.Type(keyword.Value),
                "enum" => KeywordChecks.Enum([.. keyword.Value.EnumerateArray().Select(v => v.Clone())]),
                "const" => KeywordChecks.Enum([keyword.Value.Clone()]),
                "required" => KeywordChecks.Required([.. keyword.Value.EnumerateArray().Select(v => v.GetString()!)]),
                "properties" => Properties(file, schema),
                "additionalProperties" when !schema.TryGetProperty("properties", out _) => Properties(file, schema),
                "additionalProperties" => static _ => Verdict.Valid, // compiled together with "properties"
                "items" => KeywordChecks.Items(Compile(file, keyword.Value)),
                "minItems" => KeywordChecks.Count(Count(keyword.Value), int.MaxValue),
                "maxItems" => KeywordChecks.Count(0, Count(keyword.Value)),
                "uniqueItems" when keyword.Value.ValueKind == JsonValueKind.True => KeywordChecks.UniqueItems,
                "uniqueItems" when keyword.Value.ValueKind == JsonValueKind.False => static _ => Verdict.Valid,
                "minLength" => KeywordChecks.Length(Count(keyword.Value), int.MaxValue),
                "maxLength" => KeywordChecks.Length(0, Count(keyword.Value)),
                "minimum" => KeywordChecks.Bound(Limit(keyword.Value), isMinimum: true),
                "maximum" => KeywordChecks.Bound(Limit(keyword.Value), isMinimum: false),

                // ECMA-262's meaning, translated as JsonSchema.Net's pattern keyword is (Keywords.EcmaPatternKeyword), so both
                // read a pattern alike; a pattern the translation refuses fails the build of the catalog.
                "pattern" => KeywordChecks.Pattern(EcmaPattern.Create(keyword.Value.GetString()!)),
                "allOf" => KeywordChecks.AllOf([.. keyword.Value.EnumerateArray().Select(s => Compile(file, s))]),
                "anyOf" => KeywordChecks.AnyOf([.. keyword.Value.EnumerateArray().Select(s => Compile(file, s))]),
                "oneOf" => KeywordChecks.OneOf([.. keyword.Value.EnumerateArray().Select(s => Compile(file, s))]),
                "not" => KeywordChecks.Not(Compile(file, keyword.Value)),
                "if" => KeywordChecks.IfThenElse(
                    Compile(file, keyword.Value),
                    schema.TryGetProperty("then", out var then) ? Compile(file, then) : null,
                    schema.TryGetProperty("else", out var otherwise) ? Compile(file, otherwise) : null),
                _ => throw new UnsupportedSchemaException($"keyword '{keyword.Name}' is not implemented by the fast check"),
            });
        }

        return KeywordChecks.AllOf(checks);
    }

    private SchemaCheck Ref(string file, JsonElement value)
    {
        var text = value.GetString() ?? throw new UnsupportedSchemaException("$ref must be a string");
        var hash = text.IndexOf('#', StringComparison.Ordinal);
        var target = hash < 0 ? text : text[..hash];
        var pointer = hash < 0 ? "" : text[(hash + 1)..];
        if (target.Contains(':', StringComparison.Ordinal) || target.Contains('/', StringComparison.Ordinal) || (pointer.Length > 0 && !pointer.StartsWith('/')))
        {
            throw new UnsupportedSchemaException($"$ref '{text}' is not a file of the catalog or a JSON Pointer");
        }

        // Resolved now, so nothing is compiled (or any dictionary written) once checks run on many threads;
        // a target still being compiled (a cycle) comes back as its holder.
        return Reference(target.Length == 0 ? file : target, pointer);
    }

    private SchemaCheck Properties(string file, JsonElement schema)
    {
        var known = new Dictionary<string, SchemaCheck>(StringComparer.Ordinal);
        if (schema.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                known[property.Name] = Compile(file, property.Value);
            }
        }

        if (schema.TryGetProperty("patternProperties", out _))
        {
            throw new UnsupportedSchemaException("patternProperties is not implemented by the fast check");
        }

        var additional = schema.TryGetProperty("additionalProperties", out var extra) ? Compile(file, extra) : null;
        return KeywordChecks.Properties(known, additional);
    }

    private static int Count(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var count) && count >= 0
            ? count
            : throw new UnsupportedSchemaException($"expected a non-negative count, got {value.GetRawText()}");

    /// <summary>A bound, compared exactly here and in JsonSchema.Net (Keywords.ExactBound).</summary>
    private static JsonElement Limit(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number
            ? value.Clone()
            : throw new UnsupportedSchemaException($"a bound must be a number, got {value.GetRawText()}");
}
