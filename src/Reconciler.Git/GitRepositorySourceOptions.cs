using Reconciler.Core.Sources;

namespace Reconciler.Git;

/// <summary>
/// One watched repository. <see cref="Url"/> may be https, http, git://, file:// or a local path; for
/// https a token is taken from <c>RECONCILER_GIT_TOKEN</c> (else <c>GITHUB_TOKEN</c>) and offered as
/// <c>x-access-token</c>. Credentials written into the URL work too, but are stripped from it before
/// libgit2, the cache or any message sees it.
/// </summary>
public sealed record GitRepositorySourceOptions
{
    public required string Url { get; init; }

    /// <summary>A branch name, a tag, a full ref (<c>refs/heads/x</c>, <c>refs/tags/v1</c>) or a commit id.</summary>
    public string Branch { get; init; } = "main";

    /// <summary>The sub-directory holding the manifests; the repository root by default.</summary>
    public string Path { get; init; } = "";

    public ManifestGlob Glob { get; init; } = ManifestGlob.Default;

    /// <summary>Where bare clones live, one folder per repository URL (a hash of the URL without credentials).</summary>
    public required string CacheDirectory { get; init; }

    /// <summary>Reads environment variables; replaceable so tests and hosts can supply tokens without touching the process.</summary>
    public Func<string, string?> ReadEnvironment { get; init; } = Environment.GetEnvironmentVariable;

    // The generated ToString would print the URL with any userinfo in it.
    public override string ToString() =>
        $"GitRepositorySourceOptions {{ Url = {RemoteUrl.Redact(Url)}, Branch = {Branch}, Path = {Path}, CacheDirectory = {CacheDirectory} }}";
}
