using System.Text.Json;
using Json.Schema.Keywords;
using Reconciler.Core.Validation.Patterns;

namespace Reconciler.Core.Validation.Keywords;

/// <summary>
/// <c>pattern</c> with ECMA-262's meaning (<see cref="EcmaPattern"/>): JsonSchema.Net 8 builds .NET's own regular
/// expression with <c>RegexOptions.ECMAScript</c>, under which <c>^…$</c> still accepts a value ending in a line feed.
/// A pattern that cannot be translated exactly makes the schema fail to build.
/// </summary>
internal sealed class EcmaPatternKeyword : PatternKeyword
{
    public override object? ValidateKeywordValue(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? EcmaPattern.Create(value.GetString()!) : base.ValidateKeywordValue(value);
}
