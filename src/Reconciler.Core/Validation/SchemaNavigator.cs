using System.Text.Json;
using Json.Pointer;

namespace Reconciler.Core.Validation;

/// <summary>
/// Finds the subschema behind an evaluation path by walking our own schema documents.
/// </summary>
/// <remarks>
/// JsonSchema.Net 8.0.5 reports a wrong <c>SchemaLocation</c> below <c>items</c>, <c>if</c> and
/// <c>additionalProperties</c>, so we follow the evaluation path ourselves. That path names each
/// applicator keyword and writes <c>items</c> twice (<c>/items/items</c>) for one step into the items.
/// </remarks>
internal sealed class SchemaNavigator
{
    private readonly IReadOnlyDictionary<string, JsonElement> _roots;

    /// <param name="roots">Each schema document's root by file name (the name relative <c>$ref</c>s use).</param>
    public SchemaNavigator(IReadOnlyDictionary<string, JsonElement> roots) => _roots = roots;

    /// <summary>The subschema reached from <paramref name="file"/>'s root along <paramref name="evaluationPath"/>, or null when the path leaves what we understand.</summary>
    public SchemaSpot? Resolve(string file, JsonPointer evaluationPath)
    {
        if (!_roots.TryGetValue(file, out var root))
        {
            return null;
        }

        var current = root;
        string? defName = null;
        string? propertyName = null;
        var count = evaluationPath.SegmentCount;
        for (var i = 0; i < count; i++)
        {
            var keyword = Segment(evaluationPath, i);
            if (current.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (keyword != "$ref")
            {
                // DefName names the subschema itself, so any step below a definition forgets it.
                defName = null;
            }

            switch (keyword)
            {
                case "$ref":
                    if (!TryFollowRef(ref root, ref current, ref defName))
                    {
                        return null;
                    }

                    break;
                case "items":
                    if (!current.TryGetProperty(keyword, out current))
                    {
                        return null;
                    }

                    if (i + 1 < count && Segment(evaluationPath, i + 1) == "items")
                    {
                        i++;
                    }

                    break;
                case "additionalProperties" or "not" or "if" or "then" or "else" or "contains"
                    or "propertyNames" or "unevaluatedProperties" or "unevaluatedItems":
                    if (!current.TryGetProperty(keyword, out current))
                    {
                        return null;
                    }

                    break;
                case "properties" or "patternProperties" or "dependentSchemas" or "$defs"
                    or "allOf" or "anyOf" or "oneOf" or "prefixItems":
                    if (i + 1 >= count || !TryStep(current, keyword, Segment(evaluationPath, i + 1), out current))
                    {
                        return null;
                    }

                    i++;
                    if (keyword == "properties")
                    {
                        propertyName = Segment(evaluationPath, i);
                    }

                    break;
                default:
                    return null;
            }
        }

        return new SchemaSpot(current, defName, propertyName);
    }

    /// <summary>The unescaped text of one pointer segment (<c>~1</c> is <c>/</c>, <c>~0</c> is <c>~</c>).</summary>
    public static string Segment(JsonPointer pointer, int index) =>
        pointer[index].ToString().Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);

    private bool TryFollowRef(ref JsonElement root, ref JsonElement current, ref string? defName)
    {
        if (!current.TryGetProperty("$ref", out var refValue) || refValue.GetString() is not { } reference)
        {
            return false;
        }

        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        var filePart = hash < 0 ? reference : reference[..hash];
        var fragment = hash < 0 ? "" : reference[(hash + 1)..];
        if (filePart.Length > 0)
        {
            // Our refs between files are bare file names beside each other (see schemas/README.md).
            if (!_roots.TryGetValue(Path.GetFileName(filePart), out root))
            {
                return false;
            }

            defName = null;
        }

        if (fragment.Length == 0)
        {
            current = root;
            return true;
        }

        if (!JsonPointer.TryParse(fragment, out var pointer) || pointer.Evaluate(root) is not { } target)
        {
            return false;
        }

        current = target;
        for (var i = pointer.SegmentCount - 2; i >= 0; i--)
        {
            if (Segment(pointer, i) == "$defs")
            {
                defName = Segment(pointer, i + 1);
                break;
            }
        }

        return true;
    }

    private static bool TryStep(JsonElement schema, string keyword, string key, out JsonElement next)
    {
        next = default;
        if (!schema.TryGetProperty(keyword, out var container))
        {
            return false;
        }

        if (container.ValueKind == JsonValueKind.Array)
        {
            if (!int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
                || index >= container.GetArrayLength())
            {
                return false;
            }

            next = container[index];
            return true;
        }

        return container.ValueKind == JsonValueKind.Object && container.TryGetProperty(key, out next);
    }
}
