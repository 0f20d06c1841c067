using System.Text.Json.Nodes;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Loading;

namespace Reconciler.Core.Validation.Rules;

/// <summary>
/// Every value the schema says is an integer is written as plain digits within 64 bits (<see cref="IntegerValues"/>):
/// JSON Schema itself accepts <c>4.0</c> and <c>1e1</c> as integers, but the body is sent as written.
/// </summary>
public sealed class IntegerRule(SchemaCatalog? schemas = null) : IManifestRule
{
    private readonly SchemaCatalog _schemas = schemas ?? SchemaCatalog.Default;

    public IEnumerable<Diagnostic> Check(ManifestDocument document)
    {
        var found = new List<Diagnostic>();
        Walk(document, document.Root, "", "", found);
        return found;
    }

    private void Walk(ManifestDocument document, JsonNode? node, string pointer, string template, List<Diagnostic> found)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    Walk(document, child, JsonPointers.Append(pointer, key), JsonPointers.Append(template, key), found);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(document, array[i], JsonPointers.Append(pointer, i), template + "/#", found);
                }

                break;
            case JsonValue:
                var positions = _schemas.IntegerPositions;
                var problem = positions.Integers.Contains(template) ? IntegerValues.NumberProblem(document, pointer, node) : null;
                problem ??= positions.DigitStrings.Contains(template) ? IntegerValues.DigitStringProblem(document, pointer, node) : null;
                if (problem is not null)
                {
                    found.Add(problem);
                }

                break;
        }
    }
}
