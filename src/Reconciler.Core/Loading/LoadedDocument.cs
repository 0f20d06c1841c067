using System.Text.Json;
using System.Text.Json.Nodes;
using Reconciler.Core.Diagnostics;

namespace Reconciler.Core.Loading;

/// <summary>
/// One YAML document of a file, converted to JSON. Numbers keep their exact text; every value's
/// position is in <see cref="Map"/>.
/// </summary>
/// <param name="Index">0-based position of the document in its file.</param>
/// <param name="Location">Where the document's content starts.</param>
/// <param name="Json">The document as compact UTF-8 JSON.</param>
public sealed record LoadedDocument(int Index, SourceLocation Location, ReadOnlyMemory<byte> Json, SourceMap Map)
{
    private JsonNode? _node;

    /// <summary>A fresh mutable tree of the document (callers may change it).</summary>
    public JsonNode? CreateNode() => JsonNode.Parse(Json.Span);

    /// <summary>A shared read-only view of the document.</summary>
    public JsonNode? Node => _node ??= CreateNode();

    /// <summary>The document as a <see cref="JsonElement"/> (for schema evaluation).</summary>
    /// <remarks>What <c>JsonSerializer.Deserialize&lt;JsonElement&gt;</c> does, without reflection-based serialization (native AOT has none).</remarks>
    public JsonElement Element
    {
        get
        {
            var reader = new Utf8JsonReader(Json.Span);
            return JsonElement.ParseValue(ref reader);
        }
    }
}
