using System.Text.Json;
using Reconciler.Core.Manifests;

namespace Reconciler.Core.TaskSets;

/// <summary>What a set's CSV header is checked against: the schemas, the set's flavour, and the extra fields the repository allows.</summary>
/// <param name="AllowedExtra">Whether a field beyond the schema is allowed (a <c>/spec/…</c> template, as <see cref="RepositorySettings"/> writes them).</param>
internal sealed record CsvSchemaContext(IReadOnlyDictionary<string, JsonElement> Schemas, ApiFlavour Flavour, Func<string, bool> AllowedExtra);
