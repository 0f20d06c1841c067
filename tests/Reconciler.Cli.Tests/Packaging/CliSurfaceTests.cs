using Reconciler.Cli.Output;

namespace Reconciler.Cli.Tests.Packaging;

/// <summary>The CLI is an entry point, not a library: nothing in it is public (its tests see it through InternalsVisibleTo).</summary>
public sealed class CliSurfaceTests
{
    [Fact]
    public void CliAssembly_ExportsNoType()
    {
        var exported = typeof(BufferedOutput).Assembly.GetExportedTypes().Select(t => t.FullName).ToList();

        Assert.Empty(exported);
    }
}
