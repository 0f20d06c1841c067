using Reconciler.Core.Manifests;

namespace Reconciler.Core.TaskSets;

/// <summary>What one TaskSet document expands to: a task per valid item, the invalid items (or the whole set, once), what it read.</summary>
internal sealed record TaskSetExpansion(
    IReadOnlyList<TaskManifest> Tasks,
    IReadOnlyList<InvalidManifest> Invalid,
    IReadOnlyList<DataDependency> Dependencies,
    TaskSetDeclaration? Declaration);
