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
    private JsonDocument? _document;

    /// <summary>A fresh mutable tree of the document (callers may change it).</summary>
    public JsonNode? CreateNode() => JsonNode.Parse(Json.Span);

    /// <summary>A shared read-only view of the document.</summary>
    public JsonNode? Node => _node ??= CreateNode();

    /// <summary>
    /// The document as a read-only <see cref="JsonElement"/>, parsed once over <see cref="Json"/> (no copy, no
    /// per-object dictionaries): what the schema check, the rules and the normaliser read.
    /// </summary>
    /// <remarks>
    /// The parsed document is never disposed: it lives as long as this record, and its rented index goes to the
    /// collector rather than back to the pool (disposing it while an element is still held would corrupt that element).
    /// </remarks>
    public JsonElement Element => (_document ??= JsonDocument.Parse(Json)).RootElement;
}
