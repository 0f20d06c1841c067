using System.Text.Json;
using Reconciler.Core.Manifests;
using Reconciler.Core.Validation;

namespace Reconciler.Core.TaskSets;

/// <summary>
/// What the body schema of a flavour says about a dotted CSV column (<c>task_extras.start_time</c>): the kinds of
/// value it allows there, or why the column names no field (unknown, refused in this flavour, or reached through a
/// list, which a merge replaces whole). Read from our schema files, through <c>$ref</c>, <c>allOf</c>,
/// <c>anyOf</c>, <c>oneOf</c>, <c>if</c>/<c>then</c>/<c>else</c>.
/// </summary>
internal static class ColumnTypes
{
    private const int MaxDepth = 32;

    /// <param name="allowedExtra">A field the repository allows beyond the schema (<c>/spec/…</c> templates): typed as text.</param>
    public static ColumnType Resolve(IReadOnlyDictionary<string, JsonElement> roots, ApiFlavour flavour, IReadOnlyList<string> path, Func<string, bool> allowedExtra)
    {
        var file = flavour == ApiFlavour.V2 ? SchemaCatalog.V2BodySchemaFile : SchemaCatalog.V2LegacyBodySchemaFile;
        var current = Expand(roots, [(file, roots[file])]);
        for (var i = 0; i < path.Count; i++)
        {
            if (i > 0 && current.Any(c => Kinds(roots, c.File, c.Schema, 0).HasFlag(ValueKinds.Array)) && !current.Any(c => HasProperties(c.Schema)))
            {
                return ColumnType.Problem($"'{string.Join('.', path.Take(i))}' is a list: a list is replaced whole, so write all of it as JSON in a column named '{string.Join('.', path.Take(i))}'");
            }

            var next = new List<(string File, JsonElement Schema)>();
            foreach (var (owner, schema) in current)
            {
                if (schema.TryGetProperty("properties", out var properties) && properties.TryGetProperty(path[i], out var child))
                {
                    next.Add((owner, child));
                }
            }

            if (next.Count == 0)
            {
                if (allowedExtra("/spec/" + string.Join('/', path)))
                {
                    return ColumnType.Of(ValueKinds.String);
                }

                var hint = current.Select(c => FieldNameHint.Suggest(path[i], c.Schema)).FirstOrDefault(h => h is not null);
                var field = string.Join('.', path.Take(i + 1));
                return ColumnType.Problem(hint is null ? $"'{field}' is not a field of the task body" : $"'{field}' is not a field of the task body (did you mean '{string.Join('.', path.Take(i).Append(hint))}'?)");
            }

            if (next.All(c => Refused(c.Schema)))
            {
                return ColumnType.Problem($"field '{path[i]}' is not accepted with apiVersion {flavour.ToApiVersion()}");
            }

            current = Expand(roots, next);
        }

        var kinds = current.Aggregate(ValueKinds.None, (all, c) => all | Kinds(roots, c.File, c.Schema, 0));
        return ColumnType.Of(kinds == ValueKinds.None ? ValueKinds.Any : kinds);
    }

    /// <summary>The schemas a value must satisfy here: follows $ref and the combinators, so their properties are seen.</summary>
    private static List<(string File, JsonElement Schema)> Expand(IReadOnlyDictionary<string, JsonElement> roots, List<(string File, JsonElement Schema)> schemas)
    {
        var found = new List<(string, JsonElement)>();
        var pending = new Stack<(string File, JsonElement Schema, int Depth)>(schemas.Select(s => (s.File, s.Schema, 0)));
        while (pending.Count > 0)
        {
            var (file, schema, depth) = pending.Pop();
            if (schema.ValueKind != JsonValueKind.Object || depth > MaxDepth)
            {
                continue;
            }

            found.Add((file, schema));
            if (Follow(roots, file, schema) is { } target)
            {
                pending.Push((target.File, target.Schema, depth + 1));
            }

            foreach (var keyword in (string[])["allOf", "anyOf", "oneOf"])
            {
                if (schema.TryGetProperty(keyword, out var branches) && branches.ValueKind == JsonValueKind.Array)
                {
                    foreach (var branch in branches.EnumerateArray())
                    {
                        pending.Push((file, branch, depth + 1));
                    }
                }
            }

            foreach (var keyword in (string[])["then", "else"])
            {
                if (schema.TryGetProperty(keyword, out var branch))
                {
                    pending.Push((file, branch, depth + 1));
                }
            }
        }

        return found;
    }

    private static ValueKinds Kinds(IReadOnlyDictionary<string, JsonElement> roots, string file, JsonElement schema, int depth)
    {
        if (schema.ValueKind != JsonValueKind.Object || depth > MaxDepth)
        {
            return ValueKinds.None;
        }

        var kinds = ValueKinds.None;
        if (schema.TryGetProperty("type", out var type))
        {
            foreach (var name in type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()) : [type.GetString()])
            {
                kinds |= name switch
                {
                    "string" => ValueKinds.String,
                    "integer" => ValueKinds.Integer,
                    "number" => ValueKinds.Number | ValueKinds.Integer,
                    "boolean" => ValueKinds.Boolean,
                    "array" => ValueKinds.Array,
                    "object" => ValueKinds.Object,
                    "null" => ValueKinds.Null,
                    _ => ValueKinds.None,
                };
            }
        }

        foreach (var value in Values(schema))
        {
            kinds |= value.ValueKind switch
            {
                JsonValueKind.String => ValueKinds.String,
                JsonValueKind.Number => value.TryGetInt64(out _) ? ValueKinds.Integer : ValueKinds.Number,
                JsonValueKind.True or JsonValueKind.False => ValueKinds.Boolean,
                JsonValueKind.Array => ValueKinds.Array,
                JsonValueKind.Object => ValueKinds.Object,
                _ => ValueKinds.Null,
            };
        }

        if (Follow(roots, file, schema) is { } target)
        {
            kinds |= Kinds(roots, target.File, target.Schema, depth + 1);
        }

        foreach (var keyword in (string[])["anyOf", "oneOf"])
        {
            if (schema.TryGetProperty(keyword, out var branches) && branches.ValueKind == JsonValueKind.Array)
            {
                kinds |= branches.EnumerateArray().Aggregate(ValueKinds.None, (all, b) => all | Kinds(roots, file, b, depth + 1));
            }
        }

        return kinds;
    }

    private static IEnumerable<JsonElement> Values(JsonElement schema)
    {
        if (schema.TryGetProperty("const", out var constant))
        {
            yield return constant;
        }

        if (schema.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array)
        {
            foreach (var value in values.EnumerateArray())
            {
                yield return value;
            }
        }
    }

    private static (string File, JsonElement Schema)? Follow(IReadOnlyDictionary<string, JsonElement> roots, string file, JsonElement schema)
    {
        if (!schema.TryGetProperty("$ref", out var reference) || reference.GetString() is not { } text)
        {
            return null;
        }

        var hash = text.IndexOf('#', StringComparison.Ordinal);
        var target = hash < 0 ? text : text[..hash];
        var targetFile = target.Length == 0 ? file : target;
        if (!roots.TryGetValue(targetFile, out var node))
        {
            return null;
        }

        foreach (var segment in (hash < 0 ? "" : text[(hash + 1)..]).Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal), out node))
            {
                return null;
            }
        }

        return (targetFile, node);
    }

    private static bool HasProperties(JsonElement schema) => schema.TryGetProperty("properties", out _);

    /// <summary>A field this flavour refuses (a <c>$ref</c> to one of the worded <c>not</c> definitions).</summary>
    private static bool Refused(JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference)
        && SchemaMessages.WordedNots.Any(n => reference.GetString()?.EndsWith("/" + n, StringComparison.Ordinal) == true);
}
