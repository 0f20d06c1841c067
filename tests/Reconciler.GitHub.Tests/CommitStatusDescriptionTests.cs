using Xunit;

namespace Reconciler.GitHub.Tests;

public sealed class CommitStatusDescriptionTests
{
    [Fact]
    public void Fit_ShortText_IsUnchanged() =>
        Assert.Equal("Plan: 1 to update", CommitStatusDescription.Fit("Plan: 1 to update"));

    [Fact]
    public void Fit_Exactly140_IsUnchanged()
    {
        var text = new string('a', 140);
        Assert.Equal(text, CommitStatusDescription.Fit(text));
    }

    [Fact]
    public void Fit_141Characters_Becomes140EndingWithEllipsis()
    {
        var fitted = CommitStatusDescription.Fit(new string('a', 141));

        Assert.Equal(140, fitted.Length);
        Assert.Equal(new string('a', 139) + "…", fitted);
    }

    [Fact]
    public void Fit_EmojiAtTheCut_IsNotSplitIntoHalfASurrogatePair()
    {
        // 138 ASCII characters, then emoji (2 UTF-16 units each): the cut falls inside the first one.
        var fitted = CommitStatusDescription.Fit(new string('a', 138) + "📞📞📞");

        Assert.True(fitted.Length <= 140);
        Assert.Equal(new string('a', 138) + "…", fitted);
        Assert.DoesNotContain(fitted, char.IsSurrogate);
    }

    [Fact]
    public void Fit_CombiningAccentAtTheCut_StaysWithItsLetter()
    {
        var fitted = CommitStatusDescription.Fit(new string('a', 138) + "e\u0301tape suivante");

        Assert.Equal(new string('a', 138) + "…", fitted);
    }

    [Fact]
    public void Fit_LineBreaksAndTabs_BecomeSingleSpaces() =>
        Assert.Equal("2 invalid: tasks/a.yaml tasks/b.yaml", CommitStatusDescription.Fit("  2 invalid:\n\ttasks/a.yaml\r\n tasks/b.yaml \n"));
}
