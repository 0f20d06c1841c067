using Reconciler.Core.Manifests;

namespace Reconciler.Git;

/// <summary>The manifests of the watched ref at the commit a fetch resolved it to.</summary>
/// <param name="CommitId">Full 40-character commit id; also <c>Snapshot.Revision</c>.</param>
public sealed record GitSnapshot(string CommitId, SourceSnapshot Snapshot);
