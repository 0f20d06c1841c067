using Reconciler.Core.Manifests;
using Reconciler.Core.Normalization;

namespace Reconciler.Cli.Commands;

/// <summary>A manifest import wrote that validates: what <c>--track</c> records.</summary>
internal sealed record ImportedManifest(TaskIdentity Identity, CanonicalBody Body, string File);

/// <summary>What import did: the valid manifests it wrote, and whether anything failed.</summary>
internal sealed record ImportResult(IReadOnlyList<ImportedManifest> Tracked, bool Failed);
