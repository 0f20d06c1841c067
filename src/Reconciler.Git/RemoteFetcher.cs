using LibGit2Sharp;

namespace Reconciler.Git;

/// <summary>
/// Fetches every branch and tag of the remote into a bare cache, forced and pruned: a force-push simply
/// moves <c>refs/remotes/origin/*</c>, a deleted branch disappears, nothing ever fails as non-fast-forward.
/// A first clone is the same fetch into an empty repository, so both share one code path and one error mapping.
/// </summary>
internal sealed class RemoteFetcher
{
    public const string RemoteName = "origin";

    private static readonly string[] RefSpecs = ["+refs/heads/*:refs/remotes/origin/*", "+refs/tags/*:refs/tags/*"];

    private readonly RemoteUrl _url;
    private readonly GitCredentials _credentials;

    public RemoteFetcher(RemoteUrl url, GitCredentials credentials)
    {
        _url = url;
        _credentials = credentials;
    }

    public void Fetch(Repository repository, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_url.LocalPath is not null && !Directory.Exists(_url.LocalPath))
        {
            // libgit2 says "unsupported URL protocol" for a missing local path; say what is wrong instead.
            throw GitFailure.Create(GitSourceErrorKind.Unreachable, $"could not fetch from {_url.Display}: the directory does not exist", null, _credentials);
        }

        PointOriginAt(repository);
        var options = new FetchOptions
        {
            Prune = true,

            // Tags come through the explicit refspec (forced, pruned); auto-following would only duplicate it.
            TagFetchMode = TagFetchMode.None,
            CredentialsProvider = _credentials.Handler(),

            // Returning false aborts the transfer: the only way to stop libgit2 mid-fetch.
            OnTransferProgress = _ => !cancellationToken.IsCancellationRequested,
            OnProgress = _ => !cancellationToken.IsCancellationRequested,
        };

        try
        {
            Commands.Fetch(repository, RemoteName, RefSpecs, options, "reconciler: fetch");
        }
        catch (Exception ex) when (ex is LibGit2SharpException && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("the fetch was cancelled", ex, cancellationToken);
        }
        catch (LibGit2SharpException ex)
        {
            throw GitFailure.FromFetch(ex, _url, _credentials);
        }
    }

    private void PointOriginAt(Repository repository)
    {
        var origin = repository.Network.Remotes[RemoteName];
        if (origin is null)
        {
            repository.Network.Remotes.Add(RemoteName, _url.FetchUrl);
        }
        else if (!string.Equals(origin.Url, _url.FetchUrl, StringComparison.Ordinal))
        {
            repository.Network.Remotes.Update(RemoteName, r => r.Url = _url.FetchUrl);
        }
    }
}
