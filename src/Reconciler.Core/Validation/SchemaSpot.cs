using System.Text.Json;

namespace Reconciler.Core.Validation;

/// <summary>
/// The subschema an evaluation node ran, plus what the messages need to know about where it sits.
/// </summary>
/// <param name="Schema">The subschema itself (an object, or <c>true</c>/<c>false</c>).</param>
/// <param name="DefName">The <c>$defs</c> entry this subschema is, when it was reached through <c>$ref</c> (e.g. <c>id</c>, <c>hhmm</c>).</param>
/// <param name="PropertyName">The last property name on the way (e.g. <c>pop_mode</c>), if any.</param>
internal readonly record struct SchemaSpot(JsonElement Schema, string? DefName, string? PropertyName);
