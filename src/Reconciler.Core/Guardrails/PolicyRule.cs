using Json.Schema;
using Reconciler.Core.Diagnostics;

namespace Reconciler.Core.Guardrails;

/// <summary>One rule of the policy: every manifest its selector matches must satisfy its JSON Schema.</summary>
/// <param name="Name">The rule's name, shown with every violation (unique in the file).</param>
/// <param name="Schema">The JSON Schema applied to the whole manifest document (apiVersion, kind, metadata, spec).</param>
/// <param name="Severity">Error: the manifest is invalid (not planned, <c>validate</c> and <c>plan</c> fail). Warning: reported only.</param>
/// <param name="Message">The team's own words for the violation; data from the repository, escaped by every output.</param>
public sealed record PolicyRule(string Name, PolicySelector Select, JsonSchema Schema, Severity Severity, string Message);
