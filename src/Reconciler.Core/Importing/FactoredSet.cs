using System.Text.Json.Nodes;
using Reconciler.Core.Manifests;

namespace Reconciler.Core.Importing;

/// <summary>A set made of imported tasks: the shared template and each task's item.</summary>
/// <param name="SubUserId">The sub-account every task shares (the set's default), or null when they differ (then each item has its own).</param>
public sealed record FactoredSet(ApiFlavour Flavour, string UserId, string? SubUserId, JsonObject Template, IReadOnlyList<FactoredItem> Items);
