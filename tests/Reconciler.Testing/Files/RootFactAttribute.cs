using Xunit;

namespace Reconciler.Testing.Files;

/// <summary>A fact that needs root (e.g. <c>mknod</c> of a character device); skipped, with the reason, otherwise.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (!SpecialFiles.IsRoot)
        {
            Skip = "needs root (mknod)";
        }
    }
}
