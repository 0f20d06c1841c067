using Json.Schema;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Validation;

namespace Reconciler.Core.Guardrails;

/// <summary>
/// Applies the policy's rules to one manifest document: each rule whose selector matches evaluates its schema against
/// the whole document; every failing value is one diagnostic at that value's file:line:column, naming the rule.
/// </summary>
public static class PolicyRules
{
    /// <summary>The diagnostic code of a rule violation (the rule's name is in the message).</summary>
    public const string Code = "policy";

    public static IEnumerable<Diagnostic> Check(RepositoryPolicy policy, ManifestDocument document, PolicySubject subject)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(document);
        var matching = policy.Rules.Where(r => r.Select.Matches(subject)).ToList();
        if (matching.Count == 0)
        {
            return [];
        }

        var instance = document.Loaded.Element;
        var found = new List<Diagnostic>();
        foreach (var rule in matching)
        {
            foreach (var (pointer, detail) in Failures(rule.Schema, instance))
            {
                var text = $"policy rule '{rule.Name}': {rule.Message} ({detail})";
                found.Add(new Diagnostic(rule.Severity, Code, text, document.Locate(pointer), pointer));
            }
        }

        return found;
    }

    /// <summary>The failing values (JSON Pointer, the library's words), deepest first and one per value.</summary>
    private static List<(string Pointer, string Detail)> Failures(JsonSchema schema, System.Text.Json.JsonElement instance)
    {
        EvaluationResults results;
        try
        {
            results = schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        }
        catch (FormatException)
        {
            // JsonSchema.Net's enum/const compare numbers as decimal: a number beyond decimal's range fails the rule, worded.
            return [("", "a number in this manifest is too large for the rule to compare")];
        }

        if (results.IsValid)
        {
            return [];
        }

        var failures = (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .GroupBy(d => d.InstanceLocation.ToString(), StringComparer.Ordinal)
            .Select(g => (Pointer: g.Key, Detail: string.Join("; ", g.SelectMany(d => d.Errors!.Values).Distinct(StringComparer.Ordinal))))
            .ToList();
        return failures.Count > 0 ? failures : [("", "the manifest does not satisfy the rule's schema")];
    }
}
