using Reconciler.Core.Manifests;
using Reconciler.Core.Normalization;

namespace Reconciler.Cli.Commands;

/// <summary>A manifest import wrote and read back as exactly the platform's task: what <c>--track</c> records.</summary>
/// <param name="Body">The body the platform reported (the manifest reads back as exactly this body).</param>
internal sealed record ImportedManifest(TaskIdentity Identity, CanonicalBody Body, string File)
{
    /// <summary>The TaskSet the task was imported into (<c>--as-taskset</c>), recorded with it.</summary>
    public string? SetName { get; init; }
}

/// <summary>What import did: the manifests it may track, and the tasks it could not import (each already reported with its reason).</summary>
internal sealed record ImportResult(IReadOnlyList<ImportedManifest> Imported, IReadOnlyList<string> NotImported, bool Failed);
