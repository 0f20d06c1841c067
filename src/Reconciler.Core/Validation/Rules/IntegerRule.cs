using System.Text.Json;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Loading;

namespace Reconciler.Core.Validation.Rules;

/// <summary>
/// Every value the schema says is an integer is written as plain digits within 64 bits (<see cref="IntegerValues"/>):
/// JSON Schema itself accepts <c>4.0</c> and <c>1e1</c> as integers, but the body is sent as written.
/// </summary>
/// <remarks>
/// The document is walked along the schema's integer templates only (<see cref="IntegerTemplates"/>), and a value's
/// pointer is written out only where the value is checked: this rule runs on every document.
/// </remarks>
internal sealed class IntegerRule(SchemaCatalog? schemas = null) : IManifestRule
{
    private readonly SchemaCatalog _schemas = schemas ?? SchemaCatalog.Default;
    private IntegerTemplates? _templates;

    public IEnumerable<Diagnostic> Check(ManifestDocument document)
    {
        // Built on first use; two threads building it at once build the same thing.
        var templates = _templates ??= IntegerTemplates.Build(_schemas.IntegerPositions);
        List<Diagnostic>? found = null;
        if (document.RootElement is { } root)
        {
            Walk(document, root, templates, [], ref found);
        }

        return found ?? [];
    }

    private static void Walk(ManifestDocument document, JsonElement node, IntegerTemplates templates, List<Step> path, ref List<Diagnostic>? found)
    {
        switch (node.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in node.EnumerateObject())
                {
                    if (templates.Child(property) is { } next)
                    {
                        path.Add(new Step(property, 0));
                        Walk(document, property.Value, next, path, ref found);
                        path.RemoveAt(path.Count - 1);
                    }
                }

                break;
            case JsonValueKind.Array when templates.Child("#") is { } items:
                var i = 0;
                foreach (var item in node.EnumerateArray())
                {
                    path.Add(new Step(null, i++));
                    Walk(document, item, items, path, ref found);
                    path.RemoveAt(path.Count - 1);
                }

                break;
            case JsonValueKind.Object or JsonValueKind.Array:
                break;
            default:
                // Most values are fine: only a value that may have a problem gets its pointer written out.
                var checkNumber = templates.Integer && !IntegerValues.IsPlainInt64(node);
                var checkDigits = templates.DigitString && IntegerValues.MayBeDigitStringProblem(node);
                if (!checkNumber && !checkDigits)
                {
                    break;
                }

                var pointer = JsonPointers.Of([.. path.Select(step => step.Segment)]);
                var problem = checkNumber ? IntegerValues.NumberProblem(document, pointer, node) : null;
                problem ??= checkDigits ? IntegerValues.DigitStringProblem(document, pointer, node) : null;
                if (problem is not null)
                {
                    (found ??= []).Add(problem);
                }

                break;
        }
    }

    /// <summary>One step of the walk: a property (its name read only when a pointer is written out) or a list index.</summary>
    private readonly record struct Step(System.Text.Json.JsonProperty? Property, int Index)
    {
        public object Segment => Property is { } property ? property.Name : Index;
    }
}
