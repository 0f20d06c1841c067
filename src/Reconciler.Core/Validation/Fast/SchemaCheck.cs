using System.Text.Json;

namespace Reconciler.Core.Validation.Fast;

/// <summary>One compiled (sub)schema: the verdict for an instance (JSON null is an element of kind Null).</summary>
internal delegate Verdict SchemaCheck(JsonElement instance);
