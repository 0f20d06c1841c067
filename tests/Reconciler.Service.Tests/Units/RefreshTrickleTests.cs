using Reconciler.Core.Diagnostics;
using Reconciler.Core.Manifests;
using Reconciler.Core.Normalization;
using Reconciler.Core.Planning;
using Reconciler.Service.Refresh;
using Xunit;

namespace Reconciler.Service.Tests.Units;

/// <summary>
/// The refresh trickle as pure functions: how many live reads each slice sends, which tasks, and what the book then
/// reports. The engine's part (reading what was chosen) is simulated by marking the chosen entries refreshed.
/// </summary>
public sealed class RefreshTrickleTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(5);

    [Fact]
    public void Pace_ALargeFleet_IsReadInOneSliceAPollInterval_ASmallOneInOneSliceATask()
    {
        Assert.Equal(TimeSpan.FromMinutes(1), RefreshPace.For(100_000, Interval, Period, null).Tick);
        Assert.Equal(TimeSpan.FromMinutes(2.5), RefreshPace.For(2, Interval, Period, null).Tick);
        Assert.Equal(Period, RefreshPace.For(1, Interval, Period, null).Tick);
        Assert.Equal(Period, RefreshPace.For(0, Interval, Period, null).Tick);
    }

    [Fact]
    public void Pace_MaxRps_CapsASliceAtHalfTheRate()
    {
        var pace = RefreshPace.For(100_000, Interval, Period, maxRps: 100);

        Assert.Equal(3_000, pace.SliceCap); // 100/s × 60 s × 0.5
        Assert.False(pace.Keeps(100_000)); // 15,000 reads a period at most
        Assert.True(pace.Keeps(15_000));
        Assert.Equal(100_000 / 300.0, pace.NeededRate(100_000), 6);
    }

    [Fact]
    public void Slices_OverThreePeriods_ReadEachTaskOncePerPeriod_InAnEvenTrickle()
    {
        var fleet = Fleet(1_000);
        var book = new RefreshBook(Interval, Period, null, Start);
        var readsPerSlice = new List<int>();
        var readsPerTask = new Dictionary<TaskIdentity, List<DateTimeOffset>>();
        for (var minute = 1; minute <= 15; minute++)
        {
            var at = Start.AddMinutes(minute);
            var chosen = ReadSlice(book, fleet, at);
            readsPerSlice.Add(chosen.Count);
            foreach (var entry in chosen)
            {
                (readsPerTask.TryGetValue(entry.Identity!, out var list) ? list : readsPerTask[entry.Identity!] = []).Add(at);
            }
        }

        Assert.All(readsPerSlice, reads => Assert.Equal(200, reads));
        Assert.Equal(1_000, readsPerTask.Count);
        Assert.All(readsPerTask.Values, reads =>
        {
            Assert.Equal(3, reads.Count);
            Assert.All(reads.Zip(reads.Skip(1)), pair => Assert.Equal(Period, pair.Second - pair.First));
        });
        Assert.Equal(new RefreshSummary(300, 60, 1_000, 0, 0, 240, 120, 200, 1_000 / 300.0, true), book.Summary);
    }

    [Fact]
    public void Slices_AFleetThatDoesNotDivideEvenly_CarriesTheFractionsOver()
    {
        var fleet = Fleet(6);
        var book = new RefreshBook(Interval, Period, null, Start);

        var reads = Enumerable.Range(1, 10).Select(minute => ReadSlice(book, fleet, Start.AddMinutes(minute)).Count).ToList();

        Assert.Equal([1, 1, 1, 1, 2, 1, 1, 1, 1, 2], reads);
    }

    [Fact]
    public void Slice_AfterAWholePeriodWithoutOne_ReadsEveryDueTask()
    {
        var fleet = Fleet(3);
        var book = new RefreshBook(Interval, Period, null, Start);

        Assert.Equal(3, ReadSlice(book, fleet, Start.AddMinutes(5.5)).Count);
        Assert.Equal(3, ReadSlice(book, fleet, Start.AddMinutes(11)).Count);
        Assert.Empty(ReadSlice(book, fleet, Start.AddMinutes(12)));
    }

    [Fact]
    public void Slice_PicksDriftedTasksFirst_ThenChangedOnesMostRecentFirst_ThenTheLongestUnread()
    {
        var stale = Entry(1, PlanAction.Unchanged, appliedAt: Start.AddDays(-3));
        var drifted = Entry(2, PlanAction.Unchanged, appliedAt: Start.AddDays(-3));
        var recent = Entry(3, PlanAction.Unchanged, appliedAt: Start.AddMinutes(-1));
        var changing = Entry(4, PlanAction.Update, appliedAt: Start.AddDays(-3));
        var marks = new Dictionary<TaskIdentity, ReadMark>
        {
            [stale.Identity!] = new(Start.AddMinutes(-20), Start.AddMinutes(-20), false),
            [drifted.Identity!] = new(Start.AddMinutes(-10), Start.AddMinutes(-10), true),
        };
        var pace = RefreshPace.For(4, Interval, Period, null);

        var order = RefreshSlice.Pick([stale, drifted, recent, changing], id => marks.TryGetValue(id, out var m) ? m : null, pace, 4, Start);

        Assert.Equal([drifted, recent, changing, stale], order);
        Assert.Equal([drifted, recent], RefreshSlice.Pick([stale, drifted, recent, changing], id => marks.TryGetValue(id, out var m) ? m : null, pace, 2, Start));
    }

    [Fact]
    public void Slice_NeverRereadsATaskWithinAPeriod_EvenADriftedOne()
    {
        var drifted = Entry(1, PlanAction.Unchanged, appliedAt: Start.AddDays(-1));
        var pace = RefreshPace.For(1, Interval, Period, null);
        ReadMark? Mark(TaskIdentity _) => new ReadMark(Start.AddMinutes(-2), Start.AddMinutes(-2), true);

        Assert.Empty(RefreshSlice.Pick([drifted], Mark, pace, 10, Start));
    }

    [Fact]
    public void Record_AFailedRead_CountsAsAnAttemptButNotAsARead()
    {
        var fleet = Fleet(1);
        var book = new RefreshBook(Interval, Period, null, Start);
        var slice = book.Slice(Start.AddMinutes(5));
        var chosen = slice.Choose(fleet);

        book.Record(new Plan(fleet, "r1"), slice, Start.AddMinutes(5));

        Assert.Single(chosen);
        Assert.Equal(new ReadMark(Start.AddMinutes(5), null, false), book.Mark(fleet[0].Identity!));
        Assert.Equal(1, book.Summary!.NeverRead);
    }

    [Fact]
    public void Record_TasksNoLongerManaged_AreForgotten()
    {
        var fleet = Fleet(4);
        var book = new RefreshBook(Interval, Period, null, Start);
        ReadSlice(book, fleet, Start.AddMinutes(6));

        book.Record(Refreshed(fleet.Take(2).ToList(), []), null, Start.AddMinutes(7));

        Assert.Null(book.Mark(fleet[3].Identity!));
        Assert.Equal(2, book.Summary!.Tasks);
    }

    [Fact]
    public void Slices_EarnReadsFromTheFirstPlan_NotFromTheStartOfTheService()
    {
        var fleet = Fleet(100);
        var book = new RefreshBook(Interval, Period, null, Start);
        book.Record(Refreshed(fleet, []), null, Start.AddMinutes(3)); // a first pass (clone, adoption) of 3 minutes

        Assert.Equal(20, ReadSlice(book, fleet, Start.AddMinutes(4)).Count);
    }

    /// <summary>Runs one slice as the runner does: choose, "read" what was chosen, record.</summary>
    private static IReadOnlyList<PlanEntry> ReadSlice(RefreshBook book, IReadOnlyList<PlanEntry> fleet, DateTimeOffset at)
    {
        var slice = book.Slice(at);
        var chosen = slice.Choose(fleet);
        book.Record(Refreshed(fleet, chosen), slice, at);
        return chosen;
    }

    private static Plan Refreshed(IReadOnlyList<PlanEntry> fleet, IReadOnlyList<PlanEntry> chosen)
    {
        var read = chosen.Select(e => e.Identity!).ToHashSet();
        return new Plan(fleet.Select(e => read.Contains(e.Identity!) ? e with { Refreshed = true, LiveChanges = [] } : e).ToList(), "r1");
    }

    private static List<PlanEntry> Fleet(int count) =>
        Enumerable.Range(0, count).Select(i => Entry(i, PlanAction.Unchanged, Start.AddDays(-1))).ToList();

    private static PlanEntry Entry(int i, PlanAction action, DateTimeOffset appliedAt)
    {
        var identity = new TaskIdentity("u", $"t{i:D6}");
        var manifest = new TaskManifest(identity, ApiFlavour.V2, $"t{i}", CanonicalBody.FromJson("{}"), false, false, new SourceLocation($"tasks/t{i}.yaml", 1, 1), []);
        return new PlanEntry(action, identity, manifest.Name, manifest.Location, [], [])
        {
            Desired = manifest,
            Baseline = new BaselineRecord(identity, manifest.Body, manifest.File, "r1", appliedAt),
        };
    }
}
