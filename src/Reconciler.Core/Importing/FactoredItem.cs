using System.Text.Json.Nodes;
using Reconciler.Core.Manifests;

namespace Reconciler.Core.Importing;

/// <summary>One task of a factored set: its identity, its own sub-account when not the set's, and its spec's differences from the template.</summary>
public sealed record FactoredItem(TaskIdentity Identity, string? SubUserId, JsonObject Spec);
