namespace Reconciler.Core.SavedPlans;

/// <summary>
/// Where the manifests were read, so <c>apply FILE</c> reads them again from the same place and checks that no planned
/// task's manifest changed. Either a directory (as typed, relative to where <c>plan</c> ran) or a git repository.
/// </summary>
/// <param name="Revision">The commit the manifests came from (git), else null.</param>
/// <param name="ManifestsDigest">SHA-256 over every manifest file's path and content (<see cref="ManifestDigest"/>).</param>
public sealed record SavedSource(
    string? Directory,
    string? Repository,
    string? Ref,
    string? RepositoryPath,
    IReadOnlyList<string> Include,
    IReadOnlyList<string> Exclude,
    string? Revision,
    string ManifestsDigest);
