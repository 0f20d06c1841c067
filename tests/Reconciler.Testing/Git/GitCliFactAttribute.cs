using Xunit;

namespace Reconciler.Testing.Git;

/// <summary>A fact that is skipped, with the reason shown, when the git CLI is absent.</summary>
public sealed class GitCliFactAttribute : FactAttribute
{
    public GitCliFactAttribute()
    {
        if (GitCli.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
