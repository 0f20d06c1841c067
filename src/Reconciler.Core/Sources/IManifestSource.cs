using Reconciler.Core.Manifests;

namespace Reconciler.Core.Sources;

/// <summary>
/// Where manifests come from, as the service and the pull-request watcher need it: the newest snapshot of
/// what is watched, any other revision (a pull request's head), and how much changed between two. Adapters:
/// a git repository (Reconciler.Git), a directory. The core reads only the snapshots it is handed.
/// </summary>
public interface IManifestSource
{
    /// <summary>The repository or directory for messages, never with credentials.</summary>
    string DisplayName { get; }

    /// <summary>The newest snapshot (fetching first when the source is remote); its <c>Revision</c> is set when the source has revisions.</summary>
    /// <exception cref="SourceUnavailableException">The source could not be read; the last good snapshot stays valid.</exception>
    Task<SourceSnapshot> ReadLatestAsync(CancellationToken cancellationToken);

    /// <summary>The manifests at <paramref name="revision"/>, or null when the source does not have that revision.</summary>
    /// <exception cref="SourceUnavailableException">The source could not be read.</exception>
    Task<SourceSnapshot?> ReadRevisionAsync(string revision, CancellationToken cancellationToken);

    /// <summary>
    /// Whether <paramref name="revision"/> is <paramref name="descendant"/> or one of its ancestors (its history); null when
    /// the source has no revisions or does not hold both. A rollback applies only a revision of the watched branch's history.
    /// </summary>
    bool? IsInHistoryOf(string revision, string descendant);

    /// <summary>How many manifest files differ between two revisions (all of <paramref name="current"/> when <paramref name="previous"/> is null); null when unknown.</summary>
    int? CountChanged(string? previous, string current);
}
