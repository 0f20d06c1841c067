using System.Text.Json;
using Json.Pointer;
using Json.Schema;

namespace Reconciler.Core.Validation;

/// <summary>
/// Turns one hierarchical evaluation result into operator-facing <see cref="SchemaError"/>s: one per
/// problem, deduplicated, ordered by pointer then message.
/// </summary>
/// <remarks>
/// We walk the tree rather than the flat list because in the list the failing branches of an
/// <c>anyOf</c> that passed (an id given as a number fails the string branch) carry errors too, even
/// in a valid document. Walking only failing nodes, and treating anyOf/oneOf/not as one decision each,
/// reports what is actually wrong. <c>if</c> branches are never errors in themselves.
/// </remarks>
internal sealed class SchemaErrorCollector
{
    // Keywords whose verdict we read from their children (see Visit), never from the library's text.
    private static readonly HashSet<string> StructuralKeywords = new(StringComparer.Ordinal)
    {
        "anyOf", "oneOf", "not", "if", "then", "else", "allOf", "$ref", "properties", "items", "additionalProperties",
    };

    private readonly SchemaNavigator _navigator;
    private readonly string _file;
    private readonly JsonElement _instance;
    private readonly HashSet<SchemaError> _errors = [];

    // A typo of a required field is one problem, not two: the unknown field's suggestion and the missing field it names.
    private readonly List<(SchemaError Unknown, string Field, string Parent, string Suggestion)> _suggested = [];
    private readonly Dictionary<(string Parent, string Name), SchemaError> _missing = [];

    private SchemaErrorCollector(SchemaNavigator navigator, string file, JsonElement instance)
    {
        _navigator = navigator;
        _file = file;
        _instance = instance;
    }

    /// <param name="navigator">Resolves evaluation paths in our schema documents.</param>
    /// <param name="file">The schema file that was evaluated (evaluation paths start at its root).</param>
    /// <param name="instance">The document that was evaluated.</param>
    /// <param name="results">Its evaluation, in <see cref="OutputFormat.Hierarchical"/> form.</param>
    public static IReadOnlyList<SchemaError> Collect(SchemaNavigator navigator, string file, JsonElement instance, EvaluationResults results)
    {
        var collector = new SchemaErrorCollector(navigator, file, instance);
        collector.Visit(results);
        if (collector._errors.Count == 0 && !results.IsValid)
        {
            // Never let an invalid document through silently, even if we could not word why.
            collector._errors.Add(new SchemaError("", "", "does not match the schema"));
        }

        collector.MergeTyposOfRequiredFields();
        return collector._errors
            .OrderBy(e => e.InstancePointer, PointerOrder.Instance)
            .ThenBy(e => e.Message, StringComparer.Ordinal)
            .ThenBy(e => e.Keyword, StringComparer.Ordinal)
            .DistinctBy(e => (e.InstancePointer, e.Message))
            .ToList();
    }

    /// <summary>
    /// <c>maximumcal</c> written for the required <c>maximumcall</c>: one diagnostic at the typo, the useful part first
    /// ("unknown field 'maximumcal' — did you mean 'maximumcall'? (required field 'maximumcall' is missing)"), instead
    /// of a missing-field error at the parent followed by the unknown field.
    /// </summary>
    private void MergeTyposOfRequiredFields()
    {
        foreach (var (unknown, field, parent, suggestion) in _suggested)
        {
            if (_missing.Remove((parent, suggestion), out var missing) && _errors.Remove(missing))
            {
                _errors.Remove(unknown);
                _errors.Add(unknown with { Message = SchemaMessages.MisspeltRequiredField(field, suggestion) });
            }
        }
    }

    private void Visit(EvaluationResults node)
    {
        if (node.IsValid)
        {
            return;
        }

        foreach (var (keyword, message) in node.Errors ?? [])
        {
            if (!StructuralKeywords.Contains(keyword))
            {
                Translate(node, keyword, message);
            }
        }

        int anyOf = 0, anyOfPassed = 0, oneOf = 0, oneOfPassed = 0;
        var notFailed = false;
        var depth = node.EvaluationPath.SegmentCount;
        foreach (var child in node.Details ?? [])
        {
            var keyword = child.EvaluationPath.SegmentCount > depth ? SchemaNavigator.Segment(child.EvaluationPath, depth) : "";
            switch (keyword)
            {
                case "anyOf":
                    anyOf++;
                    anyOfPassed += child.IsValid ? 1 : 0;
                    break;
                case "oneOf":
                    oneOf++;
                    oneOfPassed += child.IsValid ? 1 : 0;
                    break;
                case "not":
                    notFailed |= child.IsValid;
                    break;
                case "if":
                    break;
                default:
                    Visit(child);
                    break;
            }
        }

        if (anyOf > 0 && anyOfPassed == 0)
        {
            Add(node, "anyOf", SchemaMessages.Choice("anyOf", Spot(node)?.DefName));
        }

        if (oneOf > 0 && oneOfPassed != 1)
        {
            Add(node, "oneOf", SchemaMessages.Choice("oneOf", Spot(node)?.DefName));
        }

        if (notFailed)
        {
            Add(node, "not", SchemaMessages.Not(Spot(node)?.DefName, LastSegment(node.InstanceLocation)));
        }
    }

    private void Translate(EvaluationResults node, string keyword, string libraryMessage)
    {
        var spot = Spot(node);
        JsonElement? keywordValue = spot is { Schema.ValueKind: JsonValueKind.Object } s && s.Schema.TryGetProperty(keyword, out var v) ? v : null;
        switch (keyword)
        {
            case "":
                // The false schema: under additionalProperties it is a field the schema does not know.
                var parentKeyword = node.EvaluationPath.SegmentCount > 0
                    ? SchemaNavigator.Segment(node.EvaluationPath, node.EvaluationPath.SegmentCount - 1)
                    : "";
                if (parentKeyword != "additionalProperties")
                {
                    Add(node, "false", SchemaMessages.NotAllowed);
                    return;
                }

                var field = LastSegment(node.InstanceLocation);
                var owner = node.EvaluationPath.GetParent() is { } parent ? _navigator.Resolve(_file, parent) : null;
                var suggestion = owner is { } o ? FieldNameHint.Suggest(field, o.Schema) : null;
                var unknown = Add(node, "additionalProperties", SchemaMessages.UnknownField(field, suggestion));
                if (suggestion is not null && node.InstanceLocation.GetParent() is { } parentPointer)
                {
                    _suggested.Add((unknown, field, parentPointer.ToString(), suggestion));
                }

                return;
            case "required" when keywordValue is { ValueKind: JsonValueKind.Array } required && Value(node) is { ValueKind: JsonValueKind.Object } obj:
                foreach (var name in required.EnumerateArray().Select(n => n.GetString()).OfType<string>())
                {
                    if (!obj.TryGetProperty(name, out _))
                    {
                        _missing[(node.InstanceLocation.ToString(), name)] = Add(node, keyword, SchemaMessages.MissingField(name));
                    }
                }

                return;
            case "type" when keywordValue is { } expected:
                Add(node, keyword, SchemaMessages.Type(expected, Value(node)));
                return;
            case "enum" when keywordValue is { ValueKind: JsonValueKind.Array } values:
                Add(node, keyword, SchemaMessages.Enum(values, spot?.PropertyName));
                return;
            case "const" when keywordValue is { } constant:
                Add(node, keyword, SchemaMessages.Const(constant));
                return;
            case "pattern":
                Add(node, keyword, SchemaMessages.Pattern(spot?.DefName));
                return;
            case "uniqueItems":
                Add(node, keyword, SchemaMessages.UniqueItems);
                return;
            case "minimum" or "maximum" or "exclusiveMinimum" or "exclusiveMaximum" or "multipleOf"
                or "minLength" or "maxLength" or "minItems" or "maxItems" or "minProperties" or "maxProperties"
                when keywordValue is { } limit:
                Add(node, keyword, SchemaMessages.Bound(keyword, limit));
                return;
            default:
                Add(node, keyword, libraryMessage);
                return;
        }
    }

    private SchemaError Add(EvaluationResults node, string keyword, string message)
    {
        var error = new SchemaError(node.InstanceLocation.ToString(), keyword, message);
        _errors.Add(error);
        return error;
    }

    private SchemaSpot? Spot(EvaluationResults node) => _navigator.Resolve(_file, node.EvaluationPath);

    private JsonElement? Value(EvaluationResults node) => node.InstanceLocation.Evaluate(_instance);

    private static string LastSegment(JsonPointer pointer) =>
        pointer.SegmentCount == 0 ? "" : SchemaNavigator.Segment(pointer, pointer.SegmentCount - 1);
}
