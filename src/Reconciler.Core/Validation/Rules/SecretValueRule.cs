using System.Text.Json.Nodes;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Loading;
using Reconciler.Core.Secrets;

namespace Reconciler.Core.Validation.Rules;

/// <summary>
/// A warning wherever a manifest value holds a configured token (API or GitHub), in any form the redactor knows:
/// manifests live in git and their values are shown in plans and pull-request comments. The warning names the
/// field and never the value. The secrets come from the caller (the CLI reads them from its environment), so the
/// core stays free of configuration.
/// </summary>
internal sealed class SecretValueRule(SecretRedactor secrets) : IManifestRule
{
    public IEnumerable<Diagnostic> Check(ManifestDocument document)
    {
        var found = new List<Diagnostic>();
        if (!secrets.IsEmpty)
        {
            Walk(document, document.Root, "", found);
        }

        return found;
    }

    private void Walk(ManifestDocument document, JsonNode? node, string pointer, List<Diagnostic> found)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    var at = JsonPointers.Append(pointer, key);
                    if (secrets.Contains(key))
                    {
                        found.Add(Warning(document, at, "a field name"));
                    }

                    Walk(document, child, at, found);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(document, array[i], JsonPointers.Append(pointer, i), found);
                }

                break;
            case JsonValue value when value.TryGetValue<string>(out var text) && secrets.Contains(text):
                found.Add(Warning(document, pointer, "this value"));
                break;
        }
    }

    private static Diagnostic Warning(ManifestDocument document, string pointer, string what) => document.Warning(
        "secret-in-manifest",
        $"{what} holds a configured API or GitHub token (value not shown): manifests are kept in git and shown in plans and pull requests, and the body is sent to the platform; remove the token and rotate it",
        pointer);
}
