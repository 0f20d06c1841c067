using System.Text;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Manifests;
using Reconciler.Core.TaskSets;

namespace Reconciler.Core.Tests.TaskSets;

/// <summary>CSV files as people and tools really write them, and as an attacker might: every one ends in items or in a diagnostic, never in an exception or unbounded memory.</summary>
[Collection(MemoryMeasurements.Name)]
public sealed class CsvHostileTests
{
    private static readonly CsvSchemaContext Context = new(TaskSetSchema.Default.Roots, ApiFlavour.V2, _ => false);

    private static CsvRead Read(byte[] bytes, TaskSetLimits? limits = null) =>
        CsvItemReader.Read(ManifestFile.FromBytes("tasks/east.csv", bytes), Context, limits ?? TaskSetLimits.Default, (limits ?? TaskSetLimits.Default).MaxItems);

    private static CsvRead Read(string text, TaskSetLimits? limits = null) => Read(Encoding.UTF8.GetBytes(text), limits);

    [Fact]
    public void Csv_BomCrlfQuotesAndNewlinesInCells_AreReadExactly()
    {
        var text = "\uFEFFtask_id,name,remark\r\nt-1,\"信用卡 \"\"逾期\"\", 提醒\",\"第一行\r\n第二行\"\r\nt-2,\"a,b\",\r\n";

        var desired = TaskSetFixtures.Evaluate([("tasks/east.yaml", TaskSetFixtures.FromCsv())], [("tasks/east.csv", text)]);

        Assert.Empty(desired.Invalid);
        Assert.Equal(["信用卡 \"逾期\", 提醒", "a,b"], desired.Tasks.Select(t => t.Name));
        Assert.Contains("\"remark\":\"第一行\\r\\n第二行\"", desired.Tasks[0].Body.Json, StringComparison.Ordinal);
        Assert.Equal([2, 4], desired.Tasks.Select(t => t.Location.Line)); // the first row spans lines 2-3
    }

    [Fact]
    public void Csv_ValueAfterAMultiLineCell_IsLocatedOnItsOwnLine()
    {
        var text = "task_id,remark,maximumcall\nt-1,\"one\ntwo\nthree\",0\n";

        var desired = TaskSetFixtures.Evaluate([("tasks/east.yaml", TaskSetFixtures.FromCsv())], [("tasks/east.csv", text)]);

        var error = Assert.Single(Assert.Single(desired.Invalid).Diagnostics);
        Assert.Equal(new SourceLocation("tasks/east.csv", 4, 8), error.Location);
    }

    [Fact]
    public void Csv_UnclosedQuote_IsAtItsCell()
    {
        var read = Read("task_id,name\nt-1,ok\nt-2,\"never closed\nt-3,x\n");

        Assert.Empty(read.Problems);
        Assert.Equal(2, read.Items.Count);
        var problem = Assert.Single(read.Items[1].Problems);
        Assert.Equal(new SourceLocation("tasks/east.csv", 3, 5), problem.Location);
        Assert.StartsWith("this quoted cell is not closed", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_QuoteInsideQuotesNotDoubled_IsAtItsCell()
    {
        var read = Read("task_id,name\nt-1,\"a\"b\"\n");

        Assert.StartsWith("this quoted cell is not closed", Assert.Single(Assert.Single(read.Items).Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_Utf16_IsRefusedAsAWhole()
    {
        var read = Read(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("task_id\nt-1\n")).ToArray());

        Assert.Equal("tasks/east.csv:1:1: error: the CSV file is UTF-16 encoded; save it as UTF-8", Assert.Single(read.Problems).ToString());
        Assert.Empty(read.Items);
    }

    [Fact]
    public void Csv_InvalidUtf8_IsRefusedAsAWhole()
    {
        var read = Read([.. "task_id,name\nt-1,"u8, 0xFF, 0xFE, .. "\n"u8]);

        Assert.StartsWith("tasks/east.csv:1:1: error: the CSV file is not valid UTF-8", Assert.Single(read.Problems).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_BlankLines_AreIgnored()
    {
        var read = Read("\n\ntask_id\n\nt-1\r\n\r\nt-2");

        Assert.Empty(read.Problems);
        Assert.Equal([5, 7], read.Items.Select(i => i.Start.Line));
    }

    [Fact]
    public void Csv_OneMegabyteCell_IsRefusedAtTheCellWithoutBeingKept()
    {
        var text = "task_id,name\nt-1,ok\nt-2," + new string('x', 1024 * 1024) + "\nt-3,fine\n";
        var bytes = Encoding.UTF8.GetBytes(text);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var read = Read(bytes);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(3, read.Items.Count);
        var problem = Assert.Single(read.Items[1].Problems);
        Assert.Equal("tasks/east.csv:3:5: error: this cell is 1,048,576 characters long; the limit is 65,536", problem.ToString());
        Assert.Empty(read.Items[2].Problems);

        // Sep's buffer grows to hold the row (2 bytes a character); the cell is never copied into a string.
        Assert.True(allocated < 16 * 1024 * 1024, $"reading a 1 MB cell allocated {allocated:N0} bytes");
    }

    [Fact]
    public void Csv_TooLargeFile_IsRefusedUnread()
    {
        var file = new ManifestFile("tasks/east.csv", null, 65L * 1024 * 1024, () => throw new InvalidOperationException("must not be read"));

        var read = CsvItemReader.Read(file, Context, TaskSetLimits.Default, TaskSetLimits.Default.MaxItems);

        Assert.Equal("tasks/east.csv:1:1: error: the CSV file is 68,157,440 bytes; the limit is 67,108,864 bytes", Assert.Single(read.Problems).ToString());
    }

    [Fact]
    public void Csv_MoreRowsThanTheLimit_StopsReadingAtTheLimit()
    {
        var rows = new StringBuilder("task_id\n");
        for (var i = 0; i < 5_000; i++)
        {
            rows.Append("t-").Append(i).Append('\n');
        }

        var read = Read(rows.ToString(), new TaskSetLimits(MaxItems: 1_000));

        Assert.Equal("tasks/east.csv:1002:1: error: the set has more than 1,000 items (the limit); split it into several sets", Assert.Single(read.Problems).ToString());
        Assert.Empty(read.Items);
    }

    [Fact]
    public void Csv_TooManyColumns_IsRefusedAtTheHeader()
    {
        var read = Read("task_id," + string.Join(',', Enumerable.Range(0, 300).Select(i => $"c{i}")) + "\n");

        Assert.Equal("tasks/east.csv:1:1: error: the header has 301 columns; the limit is 256", Assert.Single(read.Problems).ToString());
    }

    [Fact]
    public void Csv_HundredThousandRows_AreReadInBoundedMemory()
    {
        var text = new StringBuilder("task_id,name,maximumcall\r\n");
        for (var i = 0; i < 100_000; i++)
        {
            text.Append("task-").Append(i.ToString("000000", System.Globalization.CultureInfo.InvariantCulture)).Append(",\"名称, ").Append(i).Append("\",").Append(1 + (i % 60)).Append("\r\n");
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        text.Clear();
        var before = GC.GetTotalMemory(forceFullCollection: true);

        var read = Read(bytes);
        var held = GC.GetTotalMemory(forceFullCollection: true) - before;

        Assert.Empty(read.Problems);
        Assert.Equal(100_000, read.Items.Count);
        Assert.Equal(100_001, read.Items[^1].Start.Line);
        Assert.Equal("task-099999", read.Items[^1].TaskId);

        // What is kept per row is the row as JSON and its cell positions: a few hundred bytes, never the file again.
        Assert.True(held / read.Items.Count < 1_024, $"{held / read.Items.Count:N0} bytes held per row");
        GC.KeepAlive(bytes);
    }
}
