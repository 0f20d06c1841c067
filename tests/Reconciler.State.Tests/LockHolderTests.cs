using Reconciler.State.Locking;
using Xunit;

namespace Reconciler.State.Tests;

public sealed class LockHolderTests
{
    [Fact]
    public void Parse_WhatFormatWrote_RoundTrips()
    {
        var holder = new LockHolder(1234, new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));

        Assert.Equal(holder, LockHolder.Parse(holder.Format()));
        Assert.Equal("pid=1234\nsince=2026-11-24T10:00:00Z\n", holder.Format());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("pid=12")]
    [InlineData("pid=x\nsince=2026-11-24T10:00:00Z")]
    [InlineData("\u0000\u0001garbage")]
    public void Parse_IncompleteOrForeignText_IsNull(string? text)
    {
        Assert.Null(LockHolder.Parse(text));
    }
}
