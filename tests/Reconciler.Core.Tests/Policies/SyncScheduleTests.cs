using Reconciler.Core.Policies;
using Xunit;

namespace Reconciler.Core.Tests.Policies;

public sealed class SyncScheduleTests
{
    private static readonly TimeZoneInfo Shanghai = SyncSchedule.FindZone("Asia/Shanghai");

    [Theory]
    [InlineData("21:59", false)]
    [InlineData("22:00", true)]
    [InlineData("23:59", true)]
    [InlineData("00:00", true)]
    [InlineData("06:59", true)]
    [InlineData("07:00", false)]
    [InlineData("12:00", false)]
    public void Contains_WindowCrossingMidnight_IncludesStartExcludesEnd(string time, bool open) =>
        Assert.Equal(open, SyncWindow.Parse("22:00-07:00").Contains(TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void IsOpen_UsesTheConfiguredTimeZone()
    {
        var schedule = SyncSchedule.Parse("22:00-07:00", Shanghai);

        Assert.False(schedule.IsOpen(new DateTimeOffset(2026, 11, 24, 13, 59, 0, TimeSpan.Zero))); // 21:59 in Shanghai
        Assert.True(schedule.IsOpen(new DateTimeOffset(2026, 11, 24, 14, 0, 0, TimeSpan.Zero)));   // 22:00
        Assert.True(schedule.IsOpen(new DateTimeOffset(2026, 11, 24, 22, 30, 0, TimeSpan.Zero)));  // 06:30 next day
        Assert.False(schedule.IsOpen(new DateTimeOffset(2026, 11, 24, 23, 0, 0, TimeSpan.Zero)));  // 07:00
    }

    [Fact]
    public void NextOpening_ClosedWindow_IsTheNextStartInUtc_OpenWindow_IsNow()
    {
        var schedule = SyncSchedule.Parse("22:00-07:00, 12:00-13:00", Shanghai);
        var afternoon = new DateTimeOffset(2026, 11, 24, 6, 0, 0, TimeSpan.Zero); // 14:00 in Shanghai
        var lunch = new DateTimeOffset(2026, 11, 24, 4, 30, 0, TimeSpan.Zero);    // 12:30

        Assert.Equal(new DateTimeOffset(2026, 11, 24, 14, 0, 0, TimeSpan.Zero), schedule.NextOpening(afternoon));
        Assert.Equal(lunch, schedule.NextOpening(lunch));
    }

    [Fact]
    public void NextOpening_StartInsideADaylightSavingGap_OpensWhenTheClockJumps()
    {
        var schedule = SyncSchedule.Parse("02:30-04:00", SyncSchedule.FindZone("Europe/Berlin"));
        var before = new DateTimeOffset(2026, 3, 29, 0, 0, 0, TimeSpan.Zero); // 01:00 CET; at 02:00 clocks jump to 03:00

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), schedule.NextOpening(before)); // 03:00 CEST
    }

    [Theory]
    [InlineData("22:00")]
    [InlineData("22:00-25:00")]
    [InlineData("10pm-7am")]
    [InlineData("07:00-07:00")]
    public void Parse_Malformed_SaysHowToWriteIt(string text) =>
        Assert.Throws<FormatException>(() => SyncWindow.Parse(text));

    [Fact]
    public void FindZone_Unknown_IsAFormatExceptionNamingIt() =>
        Assert.Contains("Mars/Olympus", Assert.Throws<FormatException>(() => SyncSchedule.FindZone("Mars/Olympus")).Message, StringComparison.Ordinal);
}
