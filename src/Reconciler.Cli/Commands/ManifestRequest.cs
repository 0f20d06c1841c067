namespace Reconciler.Cli.Commands;

/// <summary>Where to read manifests: a directory (as typed) or a git repository, with the globs; from a command's options or a saved plan.</summary>
/// <param name="Command">The command asking, for messages.</param>
internal sealed record ManifestRequest(
    string? Directory,
    string? Repository,
    string Ref,
    string RepositoryPath,
    IReadOnlyList<string> Include,
    IReadOnlyList<string> Exclude,
    string CacheDirectory,
    string Command);
