using Reconciler.Cli.Output;
using Reconciler.Core.Diagnostics;

namespace Reconciler.Cli.Tests.Output;

/// <summary>
/// The display prefix: the directory as typed. A plan is not copied to show it (its renderers write the prefix as they
/// go: Reconciler.Core.Tests' PrefixedRenderingTests); validate's diagnostics are shown through <see cref="DisplayPaths.Apply"/>.
/// </summary>
public sealed class DisplayPathsTests
{
    [Theory]
    [InlineData(".", "")]
    [InlineData("./", "")]
    [InlineData("", "")]
    [InlineData("././repo//", "repo/")]
    [InlineData(@"repo\tasks", "repo/tasks/")]
    [InlineData("../ops", "../ops/")]
    public void PrefixFor_TypedDirectory_IsItWithOneSlash(string typed, string prefix) =>
        Assert.Equal(prefix, DisplayPaths.PrefixFor(typed));

    [Fact]
    public void Apply_Diagnostic_PrefixesItsFileOnly()
    {
        var warning = Diagnostic.Warning("w", "a warning", new SourceLocation("sets/s.yaml", 9, 1), "/spec");

        Assert.Equal("repo/sets/s.yaml:9:1: warning: a warning (/spec)", DisplayPaths.Apply(warning, "repo/").ToString());
        Assert.Equal(warning.Display("repo/"), DisplayPaths.Apply(warning, "repo/").ToString());
        Assert.Same(warning, DisplayPaths.Apply(warning, ""));
    }
}
