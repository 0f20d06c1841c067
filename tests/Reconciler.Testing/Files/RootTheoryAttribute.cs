using Xunit;

namespace Reconciler.Testing.Files;

/// <summary>A theory whose cases need root (e.g. <c>mknod</c> of a character device); skipped, with the reason, otherwise.</summary>
public sealed class RootTheoryAttribute : TheoryAttribute
{
    public RootTheoryAttribute()
    {
        if (!SpecialFiles.IsRoot)
        {
            Skip = "needs root (mknod)";
        }
    }
}
