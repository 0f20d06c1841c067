using System.Text.Json;
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
            Walk(document, document.RootElement, "", found);
        }

        return found;
    }

    private void Walk(ManifestDocument document, JsonElement? node, string pointer, List<Diagnostic> found)
    {
        switch (node)
        {
            case { ValueKind: JsonValueKind.Object } obj:
                foreach (var property in obj.EnumerateObject())
                {
                    var (key, child) = (property.Name, property.Value);
                    var at = JsonPointers.Append(pointer, key);
                    if (secrets.Contains(key))
                    {
                        found.Add(Warning(document, at, "a field name"));
                    }

                    Walk(document, child, at, found);
                }

                break;
            case { ValueKind: JsonValueKind.Array } array:
                var i = 0;
                foreach (var item in array.EnumerateArray())
                {
                    Walk(document, item, JsonPointers.Append(pointer, i++), found);
                }

                break;
            case { ValueKind: JsonValueKind.String } value when value.GetString() is { } text && secrets.Contains(text):
                found.Add(Warning(document, pointer, "this value"));
                break;
        }
    }

    private static Diagnostic Warning(ManifestDocument document, string pointer, string what) => document.Warning(
        "secret-in-manifest",
        $"{what} holds a configured API or GitHub token (value not shown): manifests are kept in git and shown in plans and pull requests, and the body is sent to the platform; remove the token and rotate it",
        pointer);
}
