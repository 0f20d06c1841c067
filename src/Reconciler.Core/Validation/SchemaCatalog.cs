using System.Text.Json;
using Reconciler.Core.Manifests;

namespace Reconciler.Core.Validation;

// TEMPORARY stub with the agreed API; replaced by the real catalog from wip/schemas.
public sealed class SchemaCatalog
{
    public static SchemaCatalog Default { get; } = new();

    public IReadOnlyList<SchemaError> EvaluateManifest(JsonElement manifest) => [];

    public IReadOnlyList<SchemaError> EvaluateBody(ApiFlavour flavour, JsonElement body) => [];
}
