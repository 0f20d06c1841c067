using LibGit2Sharp;

namespace Reconciler.Git;

/// <summary>
/// Turns the watched ref into a commit inside a bare cache, where branches live under
/// <c>refs/remotes/origin/</c>. Order: branch, tag, full ref name, then a commit id (full or abbreviated).
/// </summary>
internal static class RefResolver
{
    public static Commit Resolve(Repository repository, string watched, string display, string cachePath)
    {
        foreach (var name in CandidateRefs(watched))
        {
            var reference = repository.Refs[name];
            if (reference is null)
            {
                continue;
            }

            var direct = reference.ResolveToDirectReference();
            var target = direct is null ? null : repository.Lookup(new ObjectId(direct.TargetIdentifier));
            if (target is null)
            {
                throw GitFailure.CorruptCache(cachePath, $"'{name}' points at an object that is missing", null);
            }

            return PeelToCommit(target, watched, display);
        }

        if (LooksLikeObjectId(watched))
        {
            GitObject? found;
            try
            {
                found = repository.Lookup(watched);
            }
            catch (AmbiguousSpecificationException ex)
            {
                throw new GitSourceException(GitSourceErrorKind.RefNotFound, $"'{watched}' is an ambiguous abbreviated commit id in {display}; use more characters", ex);
            }

            if (found is not null)
            {
                return PeelToCommit(found, watched, display);
            }
        }

        throw new GitSourceException(
            GitSourceErrorKind.RefNotFound,
            $"'{watched}' was not found in {display}: no branch, tag or fetched commit has that name (was the branch deleted?)");
    }

    public static Commit PeelToCommit(GitObject target, string watched, string display)
    {
        try
        {
            return target.Peel<Commit>();
        }
        catch (LibGit2SharpException ex)
        {
            throw new GitSourceException(GitSourceErrorKind.RefNotFound, $"'{watched}' in {display} does not name a commit", ex);
        }
    }

    public static bool LooksLikeObjectId(string value) =>
        value.Length is >= 4 and <= 40 && value.All(char.IsAsciiHexDigit);

    private static IEnumerable<string> CandidateRefs(string watched)
    {
        const string heads = "refs/heads/";
        if (watched.StartsWith(heads, StringComparison.Ordinal))
        {
            yield return "refs/remotes/origin/" + watched[heads.Length..];
        }
        else if (watched.StartsWith("refs/", StringComparison.Ordinal))
        {
            yield return watched;
        }
        else
        {
            yield return "refs/remotes/origin/" + watched;
            yield return "refs/tags/" + watched;
        }
    }
}
