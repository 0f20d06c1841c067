using System.Text.Json;

namespace Reconciler.Core.Validation;

/// <summary>
/// Where our schemas say a value is an integer, as pointer templates over a manifest document (array items
/// written <c>#</c>, e.g. <c>/spec/task_extras/line/#/limit</c>), found once by walking the schema files:
/// <c>"type": "integer"</c>, or an <c>enum</c>/<c>const</c> of integers, through <c>$ref</c>, <c>anyOf</c>,
/// <c>oneOf</c>, <c>allOf</c> and <c>if</c>/<c>then</c>/<c>else</c>, over both body flavours. Also where an id may
/// be a string of digits (<c>"pattern": "^[0-9]+$"</c>), so such an id can be range-checked like a number.
/// </summary>
/// <remarks>
/// JSON Schema counts <c>4.0</c> and <c>1e1</c> as integers (JsonSchema.Net 8 accepts both for
/// <c>"type": "integer"</c> and for <c>enum: [0, 1]</c>), but the platform is sent the text as written, so these
/// positions are checked again by <see cref="Rules.IntegerRule"/>.
/// </remarks>
internal sealed class IntegerPositions
{
    private const int MaxDepth = 64;
    private readonly IReadOnlyDictionary<string, JsonElement> _roots;
    private readonly HashSet<string> _integers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _digitStrings = new(StringComparer.Ordinal);
    private readonly HashSet<(string, string)> _visited = [];

    private IntegerPositions(IReadOnlyDictionary<string, JsonElement> roots) => _roots = roots;

    /// <summary>Templates at which a number must be an integer.</summary>
    public IReadOnlySet<string> Integers => _integers;

    /// <summary>Templates at which a string of digits stands for an integer (ids).</summary>
    public IReadOnlySet<string> DigitStrings => _digitStrings;

    /// <summary>Integer positions reachable only through additionalProperties/patternProperties, which templates cannot name (a test keeps this empty).</summary>
    public IReadOnlyList<string> Unnamed { get; private set; } = [];

    public static IntegerPositions Collect(IReadOnlyDictionary<string, JsonElement> roots, string rootFile)
    {
        var positions = new IntegerPositions(roots);
        var unnamed = new List<string>();
        positions.Visit(rootFile, roots[rootFile], roots[rootFile], "", 0, unnamed);
        positions.Unnamed = unnamed;
        return positions;
    }

    private void Visit(string file, JsonElement root, JsonElement schema, string template, int depth, List<string> unnamed)
    {
        if (depth > MaxDepth || schema.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (IsIntegerSchema(schema))
        {
            _integers.Add(template);
        }

        if (schema.TryGetProperty("pattern", out var pattern) && pattern.GetString() == "^[0-9]+$")
        {
            _digitStrings.Add(template);
        }

        if (schema.TryGetProperty("$ref", out var reference) && reference.GetString() is { } target && Resolve(file, target) is var (refFile, refRoot, refSchema)
            && _visited.Add((refFile + "#" + target, template)))
        {
            Visit(refFile, refRoot, refSchema, template, depth + 1, unnamed);
        }

        if (schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in properties.EnumerateObject())
            {
                Visit(file, root, property.Value, $"{template}/{property.Name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)}", depth + 1, unnamed);
            }
        }

        if (schema.TryGetProperty("items", out var items))
        {
            Visit(file, root, items, template + "/#", depth + 1, unnamed);
        }

        foreach (var keyword in new[] { "allOf", "anyOf", "oneOf" })
        {
            if (schema.TryGetProperty(keyword, out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var branch in list.EnumerateArray())
                {
                    Visit(file, root, branch, template, depth + 1, unnamed);
                }
            }
        }

        foreach (var keyword in new[] { "if", "then", "else" })
        {
            if (schema.TryGetProperty(keyword, out var branch))
            {
                Visit(file, root, branch, template, depth + 1, unnamed);
            }
        }

        // Free-form maps (labels, annotations): their keys cannot be templated, so integers there are only counted.
        var open = new List<JsonElement>();
        if (schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.Object)
        {
            open.Add(additional);
        }

        if (schema.TryGetProperty("patternProperties", out var patterns) && patterns.ValueKind == JsonValueKind.Object)
        {
            open.AddRange(patterns.EnumerateObject().Select(p => p.Value));
        }

        foreach (var inner in open)
        {
            var hidden = new IntegerPositions(_roots);
            hidden.Visit(file, root, inner, template + "/*", depth + 1, unnamed);
            unnamed.AddRange(hidden._integers);
        }
    }

    private static bool IsIntegerSchema(JsonElement schema)
    {
        if (schema.TryGetProperty("type", out var type)
            && (type.ValueKind == JsonValueKind.String ? type.GetString() == "integer" : type.ValueKind == JsonValueKind.Array && type.EnumerateArray().Any(t => t.GetString() == "integer")))
        {
            return true;
        }

        if (schema.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array && values.GetArrayLength() > 0)
        {
            return values.EnumerateArray().All(v => v.ValueKind == JsonValueKind.Number);
        }

        return schema.TryGetProperty("const", out var constant) && constant.ValueKind == JsonValueKind.Number;
    }

    private (string File, JsonElement Root, JsonElement Schema)? Resolve(string file, string reference)
    {
        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        var filePart = hash < 0 ? reference : reference[..hash];
        var fragment = hash < 0 ? "" : reference[(hash + 1)..];
        var targetFile = filePart.Length == 0 ? file : Path.GetFileName(filePart);
        if (!_roots.TryGetValue(targetFile, out var root))
        {
            return null;
        }

        var node = root;
        foreach (var segment in fragment.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal), out node))
            {
                return null;
            }
        }

        return (targetFile, root, node);
    }
}
