using System.Text.Json.Nodes;

namespace Reconciler.Core.Validation.Fast;

/// <summary>One compiled (sub)schema: the verdict for an instance (null is JSON null).</summary>
internal delegate Verdict SchemaCheck(JsonNode? instance);
